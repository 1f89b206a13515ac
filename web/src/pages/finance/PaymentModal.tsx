// 登记付款: finance records a payment against one obligation — its reference, amount in yuan and
// the day it was paid. The API's refusals land under the field they name.
import { DatePicker, Form, Input, InputNumber, Modal, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { formatYuan } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';
import type { ObligationRow } from './obligationLabels';

interface Values {
  reference: string;
  amount: number;
  paidOn: Dayjs;
}

export function PaymentModal({ obligation, onClose, onRecorded }: { obligation: ObligationRow; onClose(): void; onRecorded(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { busy, error, submit: send } = useSubmit(form);
  const submit = (v: Values) =>
    send(async () => {
      const body = { obligationId: obligation.id, reference: v.reference.trim(), amount: v.amount, paidOn: v.paidOn.format('YYYY-MM-DD') };
      await call(api.POST('/payments', { body }));
      message.success(t('付款已登记,等待民警确认收款', 'Payment recorded; waiting for the officer to confirm receipt'));
      onRecorded();
    });
  return (
    <Modal
      open
      title={t('登记付款', 'Record a payment')}
      okText={t('登记', 'Record')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {obligation.id} · {t('应付', 'owed')} {formatYuan(obligation.amount)}
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ paidOn: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reference"
          label={t('付款凭证号', 'Payment reference')}
          rules={[{ required: true, whitespace: true, message: t('请填写凭证号', 'Enter the reference') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="amount" label={t('金额(元)', 'Amount (yuan)')} rules={[{ required: true, message: t('请填写金额', 'Enter the amount') }]}>
          <InputNumber style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
        <Form.Item name="paidOn" label={t('付款日期', 'Paid on')} rules={[{ required: true, message: t('请选择日期', 'Pick the day') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

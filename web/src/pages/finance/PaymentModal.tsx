// 登记付款: finance records a payment against one obligation — its reference, amount in yuan and
// the day it was paid. The API's refusals land under the field they name.
import { DatePicker, Form, Input, InputNumber, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { ObligationModal } from './ObligationModal';
import type { ObligationRow } from './obligationLabels';

interface Values {
  reference: string;
  amount: number;
  paidOn: Dayjs;
}

export function PaymentModal({ obligation, onClose, onRecorded }: { obligation: ObligationRow; onClose(): void; onRecorded(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <ObligationModal
      obligation={obligation}
      form={form}
      title={t('登记付款', 'Record a payment')}
      okText={t('登记', 'Record')}
      initialValues={{ paidOn: dayjs() }}
      onClose={onClose}
      onSend={async (v) => {
        const body = { obligationId: obligation.id, reference: v.reference.trim(), amount: v.amount, paidOn: v.paidOn.format('YYYY-MM-DD') };
        await call(api.POST('/payments', { body }));
        message.success(t('付款已登记,等待民警确认收款', 'Payment recorded; waiting for the officer to confirm receipt'));
        onRecorded();
      }}
    >
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
    </ObligationModal>
  );
}

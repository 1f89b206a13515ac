// 更正: finance changes an obligation's amount or cancels it, always with a reason; the payee is
// told by a notice. The API's refusals land under the field they name.
import { Form, Input, InputNumber, Radio, message } from 'antd';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { ObligationModal } from './ObligationModal';
import type { ObligationRow } from './obligationLabels';

type Values = { action: 'change'; amount: number; reason: string } | { action: 'cancel'; reason: string };

export function CorrectionModal({ obligation, onClose, onCorrected }: { obligation: ObligationRow; onClose(): void; onCorrected(): void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  return (
    <ObligationModal
      obligation={obligation}
      form={form}
      title={t('更正应付款项', 'Correct the obligation')}
      okText={t('提交更正', 'Submit')}
      initialValues={{ action: 'change', amount: obligation.amount }}
      onClose={onClose}
      onSend={async (v) => {
        await call(api.POST('/obligations/{id}/corrections', { params: { path: { id: obligation.id } }, body: v }));
        message.success(t('已更正,收款人将收到通知', 'Corrected; the payee is notified'));
        onCorrected();
      }}
    >
      <Form.Item name="action" label={t('更正方式', 'Correction')}>
        <Radio.Group
          options={[
            { value: 'change', label: t('更改金额', 'Change the amount') },
            { value: 'cancel', label: t('取消款项', 'Cancel it') },
          ]}
        />
      </Form.Item>
      {action !== 'cancel' && (
        <Form.Item name="amount" label={t('更正后金额(元)', 'New amount (yuan)')} rules={[{ required: true, message: t('请填写金额', 'Enter the amount') }]}>
          <InputNumber style={{ width: '100%' }} prefix="¥" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('更正原因', 'Reason')} rules={[{ required: true, whitespace: true, message: t('请说明原因', 'Give the reason') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </ObligationModal>
  );
}

// 确认收款: the officer types what reached them; the API checks it against what finance recorded
// and says at the field when they differ (then the officer disputes instead).
import { Button, Form, InputNumber, message } from 'antd';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';

export function ReceiptForm({ obligationId, onDone }: { obligationId: string; onDone(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ amount: number }>();
  const { busy, error, submit: send } = useSubmit(form);
  const submit = ({ amount }: { amount: number }) =>
    send(async () => {
      await call(api.POST('/obligations/{id}/receipt', { params: { path: { id: obligationId } }, body: { amount } }));
      message.success(t('已确认收款', 'Receipt confirmed'));
      onDone();
    });
  return (
    <>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="amount"
          label={t('实际收到金额(元)', 'Amount received (yuan)')}
          rules={[{ required: true, message: t('请填写实际收到的金额', 'Enter the amount you received') }]}
        >
          <InputNumber min={0.01} precision={2} step={100} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('确认收款', 'Confirm receipt')}
        </Button>
      </Form>
    </>
  );
}

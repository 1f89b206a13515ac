// 对款项提出异议: not received, or a wrong amount, with a note finance reads; errors at their fields.
import { Button, Form, Input, Select, message } from 'antd';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';

interface Dispute {
  reason: 'not-received' | 'wrong-amount';
  note: string;
}

export function DisputeForm({ obligationId, onDone }: { obligationId: string; onDone(): void }) {
  const t = useT();
  const [form] = Form.useForm<Dispute>();
  const { busy, error, submit: send } = useSubmit(form);
  const submit = (body: Dispute) =>
    send(async () => {
      await call(api.POST('/obligations/{id}/disputes', { params: { path: { id: obligationId } }, body }));
      message.success(t('已提出异议,财务将核实处理', 'Disputed; finance will look into it'));
      onDone();
    });
  return (
    <>
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={t('异议原因', 'Reason')} rules={[{ required: true, message: t('请选择异议原因', 'Choose a reason') }]}>
          <Select
            options={[
              { value: 'not-received', label: t('未收到款项', 'Not received') },
              { value: 'wrong-amount', label: t('金额不符', 'Wrong amount') },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('情况说明', 'Note')} rules={[{ required: true, message: t('请说明情况', 'Say what happened') }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button danger htmlType="submit" loading={busy}>
          {t('提交异议', 'Submit dispute')}
        </Button>
      </Form>
    </>
  );
}

// Publishing the edited document as a new version from an effective date (today or later): a
// date or reason the API refuses is said under its field, a document error in the editor.
import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, call } from '../../api/client';
import { useT } from '../../app/i18n';
import { ProblemAlert, showOnFields } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';

interface Props {
  today: string;
  /** The document to save, or undefined when the text is not JSON (the editor says where). */
  document(): unknown;
  onDocumentError(err: unknown): boolean;
  onSaved(id: number): void;
}

export function SaveForm({ today, document, onDocumentError, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ effectiveFrom?: Dayjs; reason?: string }>();
  const { busy: saving, error, submit } = useSubmit(form);
  const save = async (values: { effectiveFrom?: Dayjs; reason?: string }) => {
    const doc = document();
    if (doc === undefined) return;
    await submit(async () => {
      try {
        const row = await call(
          api.POST('/rulesets', { body: { document: doc, effectiveFrom: values.effectiveFrom?.format('YYYY-MM-DD') ?? '', reason: values.reason ?? '' } }),
        );
        onSaved(row.id);
      } catch (err) {
        // An error located in the document is shown in the editor, not in an alert as well.
        if (!onDocumentError(err)) throw err;
        showOnFields(form, err);
      }
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 480 }}>
      <ProblemAlert error={error} />
      <Form.Item
        name="effectiveFrom"
        label={t('生效日期', 'Effective from')}
        rules={[{ required: true, message: t('请选择生效日期', 'Choose the date it takes effect') }]}
        extra={t(
          '已作出的决定仍按当时的规则,新版本只对生效日之后结束的考核周期起作用。',
          'Decisions already made keep their rules; the version applies to periods ending from this date.',
        )}
      >
        <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('修改说明', 'Reason for the change')}
        rules={[{ required: true, message: t('请说明修改原因', 'Say why the rules change') }]}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('发布新版本', 'Publish the new version')}
      </Button>
    </Form>
  );
}

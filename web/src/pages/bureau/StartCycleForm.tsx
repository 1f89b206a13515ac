// Starting a cycle by hand: its kind and period; the API's refusal (a period not yet ended, a
// cadence the rules do not evaluate, a cycle already started) is shown under the field it names.
import { Button, Form, Input, Select, message } from 'antd';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { cycleKinds, kindLabel, periodExample, type CycleKind } from '../../lib/periods';
import { ProblemAlert, showOnFields } from '../../lib/problem';

interface Values {
  kind: CycleKind;
  period: string;
}

export function StartCycleForm({ onStarted }: { onStarted(kind: CycleKind, cycleId: string): void }) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'quarterly';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const start = async (values: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const { cycleId } = await call(api.POST('/cycles', { body: { kind: values.kind, period: values.period.trim() } }));
      message.success(t('考核周期已启动', 'The cycle has started'));
      onStarted(values.kind, cycleId);
    } catch (err) {
      if (!showOnFields(form, err)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ProblemAlert error={error} onClose={() => setError(undefined)} />
      <Form form={form} layout="inline" initialValues={{ kind: 'quarterly' }} onFinish={(v) => void start(v)} style={{ rowGap: 8 }}>
        <Form.Item name="kind" label={t('考核类型', 'Kind')}>
          <Select style={{ width: 140 }} options={cycleKinds.map((k) => ({ value: k, label: kindLabel(k, lang) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('考核期', 'Period')} rules={[{ required: true, message: t('请填写考核期', 'Enter the period') }]}>
          <Input style={{ width: 140 }} placeholder={t(`如 ${periodExample(kind)}`, `e.g. ${periodExample(kind)}`)} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('启动考核', 'Start')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

// Recording one diversion: which of the station's officers was pulled away, on which day, to
// station duty or case work, and why. The API judges the officer (ours, bound to a community that
// day) and the day (not to come); its errors appear under the field they name.
import { Button, DatePicker, Form, Input, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { ProblemAlert, showOnFields } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useAll } from '../../lib/useAll';
import { diversionKinds } from './kinds';

interface Values {
  officerId: string;
  date: Dayjs;
  kind: 'station-duty' | 'case-work';
  note?: string;
}

export function DiversionForm({ onRecorded }: { onRecorded: () => void }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const officers = useAll((cursor) => page(api.GET('/officers', { params: { query: { cursor } } })));

  const submit = async (v: Values) => {
    setError(undefined);
    setSaving(true);
    const date = v.date.format('YYYY-MM-DD');
    try {
      const recorded = await call(api.POST('/diversions', { body: { officerId: v.officerId, date, kind: v.kind, note: v.note ?? '' } }));
      message.success(t(`已登记 ${formatDate(date, session.timeZone, lang)} 的抽调`, `Recorded the diversion of ${formatDate(date, session.timeZone, lang)}`));
      if (recorded.flagged)
        message.warning(
          t(
            `该社区本月已抽调 ${recorded.monthCount} 次,超过 ${recorded.allowed} 次,已通报局长`,
            `${recorded.monthCount} diversions this month, over ${recorded.allowed}: the bureau head is told`,
          ),
        );
      form.resetFields(['note']);
      onRecorded();
    } catch (err) {
      if (!showOnFields(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ProblemAlert error={error ?? officers.error} onClose={error ? () => setError(undefined) : undefined} />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        initialValues={{ date: dayjs(todayIn(session.timeZone)), kind: 'station-duty' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="officerId" label={t('社区民警', 'Community officer')} rules={[{ required: true, message: t('请选择民警', 'Choose the officer') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={officers.loading}
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}(${o.id})` }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('抽调日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Choose the day') }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('抽调事由', 'Kind')} rules={[{ required: true }]}>
          <Select options={Object.entries(diversionKinds).map(([value, k]) => ({ value, label: t(k.zh, k.en) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('说明', 'Note')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('登记抽调', 'Record the diversion')}
        </Button>
      </Form>
    </>
  );
}

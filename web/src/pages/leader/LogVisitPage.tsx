// 登记驻社区工作日: the leader logs a day spent in the bound community — the day (today in the
// bureau's time zone unless changed), the community, what was done. The API judges the day (not
// in the future, bound on that date); its errors appear under the field they name. Once logged,
// the month's presence page opens on the month of the day.
import { Alert, Button, DatePicker, Form, Input, Select, Spin, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { useSubmit } from '../../lib/useSubmit';
import { todayIn } from '../../lib/today';
import { useBoundCommunities } from './useCommunities';

interface Values {
  date: Dayjs;
  communityId: string;
  note?: string;
}

export default function LogVisitPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { busy: saving, error, setError, submit: send } = useSubmit(form);
  const today = todayIn(session.timeZone);
  const bound = useBoundCommunities(session.subjectId ?? '', today);
  const communities = bound.data ?? [];

  const submit = (values: Values) => {
    const date = values.date.format('YYYY-MM-DD');
    return send(async () => {
      await call(api.POST('/visits', { body: { date, communityId: values.communityId, note: values.note ?? '' } }));
      message.success(t(`已登记 ${formatDate(date, session.timeZone, lang)}`, `Logged ${formatDate(date, session.timeZone, lang)}`));
      void navigate(date.slice(0, 7) === today.slice(0, 7) ? '/leader/presence' : `/leader/presence?month=${date.slice(0, 7)}`);
    });
  };

  return (
    <>
      <Typography.Title level={2}>{t('登记驻社区工作日', 'Log a day in the community')}</Typography.Title>
      <ProblemAlert error={error ?? bound.error} onClose={error ? () => setError(undefined) : undefined} />
      {bound.loading && <Spin description={t('正在读取您联系的社区…', 'Reading your community…')} style={{ display: 'block', margin: '40px auto' }} />}
      {bound.data && communities.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(
            '您今天没有联系的社区,无法登记。请联系局里核对责任捆绑。',
            'You are bound to no community today, so there is nothing to log; ask the bureau to check your binding.',
          )}
        />
      )}
      {communities.length > 0 && (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 520 }}
          initialValues={{ date: dayjs(today), communityId: communities[0]!.id }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="date" label={t('日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Choose the day') }]}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} inputReadOnly={false} />
          </Form.Item>
          <Form.Item name="communityId" label={t('社区', 'Community')} rules={[{ required: true, message: t('请选择社区', 'Choose the community') }]}>
            <Select options={communities.map((c) => ({ value: c.id, label: `${c.name}(${c.id})` }))} />
          </Form.Item>
          <Form.Item name="note" label={t('工作内容', 'What you did')}>
            <Input.TextArea
              rows={4}
              maxLength={500}
              showCount
              placeholder={t('如:走访重点人口、参加社区例会', 'e.g. visited households, joined the community meeting')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('登记', 'Log the day')}
          </Button>
        </Form>
      )}
    </>
  );
}

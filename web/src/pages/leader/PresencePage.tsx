// 本月驻社区情况: the leader's days in the bound community this month (or an earlier month) —
// logged, confirmed by the officer, counted, still needed, and the working days left — and every
// visit with the officer's answer. On a phone the visits are cards, on a desktop a table.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Grid, Progress, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { periodLabel } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { useCommunityNames } from './useCommunities';
import { VisitStatusTag } from './visitStatus';

type Month = Awaited<ReturnType<typeof loadMonth>>;
type Visit = Month['visits'][number];

function loadMonth(leaderId: string, month: string) {
  return call(api.GET('/presence/{leaderId}/{month}', { params: { path: { leaderId, month } } }));
}

function distinctDays(visits: readonly Visit[], keep: (v: Visit) => boolean): number {
  return new Set(visits.filter(keep).map((v) => v.date)).size;
}

function Counts({ month }: { month: Month }) {
  const { t } = useI18n();
  const needed = Math.max(0, month.required - month.days);
  const stats = [
    { key: 'logged', title: t('已登记天数', 'Days logged'), value: distinctDays(month.visits, () => true) },
    { key: 'confirmed', title: t('民警已确认', 'Confirmed'), value: distinctDays(month.visits, (v) => v.status === 'confirmed') },
    { key: 'needed', title: t(`还需(每月${month.required}天)`, `Still needed (of ${month.required})`), value: needed },
    { key: 'left', title: t('本月剩余工作日', 'Working days left'), value: month.workingDaysLeft },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {stats.map((s) => (
        <Col key={s.key} xs={12} md={6}>
          <Card size="small" data-testid={`presence-${s.key}`}>
            <Statistic title={s.title} value={s.value} suffix={t('天', s.value === 1 ? 'day' : 'days')} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Verdict({ month }: { month: Month }) {
  const { t } = useI18n();
  const percent = Math.min(100, Math.round((month.days / Math.max(1, month.required)) * 100));
  const tag =
    month.verdict === 'compliant' ? (
      <Tag color="success">{t('已达标', 'Met')}</Tag>
    ) : month.verdict === 'non-compliant' ? (
      <Tag color="error">{t('未达标', 'Not met')}</Tag>
    ) : (
      <Tag color="processing">{t('本月进行中', 'Month open')}</Tag>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <Space wrap>
        {tag}
        <Typography.Text>{t(`计入 ${month.days} 天 / 应驻 ${month.required} 天`, `${month.days} of ${month.required} days count`)}</Typography.Text>
      </Space>
      <Progress percent={percent} status={month.days >= month.required ? 'success' : 'active'} aria-label={t('驻社区天数进度', 'Days in the community')} />
      <Typography.Text type="secondary">
        {t(
          `民警确认的日子计入;民警 ${month.confirmationDays} 天内未答复的也计入;有异议的不计入。`,
          `A day counts once the officer confirms it, or after ${month.confirmationDays} days without an answer; a disputed day never counts.`,
        )}
      </Typography.Text>
    </Space>
  );
}

function VisitList({ month }: { month: Month }) {
  const { lang, t } = useI18n();
  const { timeZone } = useSession();
  const screens = Grid.useBreakpoint();
  const community = useCommunityNames(month.visits.map((v) => v.communityId));
  const counted = new Set(month.countedDays);
  const answer = (v: Visit) =>
    v.answeredBy ? `${t('民警', 'Officer')} ${v.answeredBy} · ${formatDateTime(v.answeredAt, timeZone, lang)}` : t('尚未答复', 'Not answered yet');
  // Not an empty table: its placeholder grey is too faint to read.
  if (month.visits.length === 0) return <Typography.Paragraph type="secondary">{t('本月还没有登记', 'Nothing logged this month')}</Typography.Paragraph>;
  if (!screens.md) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {month.visits.map((v) => (
          <Card key={v.id} size="small" title={formatDate(v.date, timeZone, lang)} extra={<VisitStatusTag status={v.status} counted={counted.has(v.date)} />}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{v.note || t('(未填写工作内容)', '(no note)')}</Typography.Paragraph>
            <Typography.Text type="secondary">
              {community(v.communityId)} · {answer(v)}
            </Typography.Text>
          </Card>
        ))}
      </Space>
    );
  }
  return (
    <Table<Visit>
      aria-label={t('本月登记的驻社区工作日', 'Days logged this month')}
      rowKey="id"
      size="middle"
      pagination={false}
      scroll={{ x: true }}
      dataSource={month.visits}
      columns={[
        { title: t('日期', 'Date'), dataIndex: 'date', render: (d: string) => formatDate(d, timeZone, lang) },
        { title: t('社区', 'Community'), dataIndex: 'communityId', render: (id: string) => community(id) },
        { title: t('工作内容', 'What was done'), dataIndex: 'note' },
        {
          title: t('民警确认', "Officer's answer"),
          dataIndex: 'status',
          render: (s: string, v) => <VisitStatusTag status={s} counted={counted.has(v.date)} />,
        },
        { title: t('答复', 'Answered'), key: 'answer', render: (_: unknown, v) => answer(v) },
        { title: t('登记时间', 'Logged'), dataIndex: 'loggedAt', render: (at: string) => formatDateTime(at, timeZone, lang) },
      ]}
    />
  );
}

export default function PresencePage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const thisMonth = todayIn(session.timeZone).slice(0, 7);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const leaderId = session.subjectId ?? '';
  const loaded = useLoad(() => loadMonth(leaderId, month), [leaderId, month]);
  return (
    <>
      <Typography.Title level={2}>{month === thisMonth ? t('本月驻社区情况', 'My presence this month') : t('驻社区情况', 'My presence')}</Typography.Title>
      <Space wrap align="end" style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Form layout="inline">
          <Form.Item label={t('月份', 'Month')} htmlFor="presence-month" style={{ marginBottom: 0 }}>
            <DatePicker
              id="presence-month"
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              format={(d) => periodLabel(d.format('YYYY-MM'), lang)}
              disabledDate={(d) => d.format('YYYY-MM') > thisMonth}
              onChange={(d) => setParams(d && d.format('YYYY-MM') !== thisMonth ? { month: d.format('YYYY-MM') } : {})}
            />
          </Form.Item>
        </Form>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/leader/visit')}>
          {t('登记驻社区工作日', 'Log a day')}
        </Button>
      </Space>
      <ProblemAlert error={loaded.error} />
      <Spin spinning={loaded.loading} description={t('正在读取本月记录…', 'Reading the month…')}>
        {loaded.data && (
          <>
            <Counts month={loaded.data} />
            <Verdict month={loaded.data} />
            <Typography.Title level={3}>{t('登记记录', 'Days logged')}</Typography.Title>
            <VisitList month={loaded.data} />
          </>
        )}
      </Spin>
    </>
  );
}

// 我的考核卡: the leader judged with the community he is bound to, year by year — each quarter's
// score, rank and sanctions of that office, the stations' diversions of its officers, and his
// months of presence there.
import { Card, Col, DatePicker, Form, Grid, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { labelOf, sanctionLabels } from '../../../../src/core/vocabulary';
import { api, call } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { periodLabel } from '../../lib/periods';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { useCommunityNames } from './useCommunities';

type Scorecard = Awaited<ReturnType<typeof loadCard>>;
type Quarter = Scorecard['quarters'][number];
type PresenceMonth = NonNullable<Scorecard['presence']>[number];

function loadCard(id: string, year: number) {
  return call(api.GET('/leaders/{id}/scorecard', { params: { path: { id }, query: { year } } }));
}

function Summary({ card }: { card: Scorecard }) {
  const t = useI18n().t;
  const stats = [
    { key: 'last', title: t('末位季度', 'Quarters placed last'), value: card.summary.quartersLast },
    { key: 'sanctions', title: t('处分', 'Sanctions'), value: card.summary.sanctions },
    { key: 'diversions', title: t('民警被抽调次数', 'Officer diversions'), value: card.summary.diversions },
    { key: 'months', title: t('驻社区不达标月数', 'Months short of presence'), value: Number(card.summary.nonCompliantMonths ?? 0) },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {stats.map((s) => (
        <Col key={s.key} xs={12} md={6}>
          <Card size="small">
            <Statistic title={s.title} value={s.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A quarter's cells, shared by the desktop table and the phone cards. */
function useQuarterCells(card: Scorecard) {
  const t = useI18n().t;
  const community = useCommunityNames(card.quarters.flatMap((q) => (q.communityId ? [q.communityId] : [])));
  return {
    community: (q: Quarter) => (q.communityId ? community(q.communityId) : t('未联系', 'None')),
    score: (q: Quarter) => (q.evaluated && q.score !== null ? q.score.toFixed(2) : t('未考评', 'Not evaluated')),
    rank: (q: Quarter) =>
      q.rank === null ? (
        '—'
      ) : (
        <>
          {t(`${q.rank} / ${q.offices}`, `${q.rank} of ${q.offices}`)} {q.isLast && <Tag color="error">{t('末位', 'Last')}</Tag>}
        </>
      ),
    sanctions: (q: Quarter) =>
      q.sanctions.length === 0
        ? t('无', 'None')
        : q.sanctions.map((s) => {
            const label = labelOf(sanctionLabels, s.kind);
            return <Tag key={s.id}>{t(label.zh, label.en)}</Tag>;
          }),
  };
}

/** On a phone one card a quarter: a six-column table would need scrolling sideways. */
function Quarters({ card }: { card: Scorecard }) {
  const { lang, t } = useI18n();
  const cell = useQuarterCells(card);
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {card.quarters.map((q) => (
          <Card key={q.period} size="small" title={periodLabel(q.period, lang)} data-testid={`quarter-${q.period}`}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {cell.community(q)} · {t('得分', 'score')} {cell.score(q)} · {t('排名', 'rank')} {cell.rank(q)}
            </Typography.Paragraph>
            <Typography.Text>
              {t('处分', 'Sanctions')}: {cell.sanctions(q)} · {t(`民警被抽调 ${q.diversions} 次`, `${q.diversions} diversion(s)`)}
            </Typography.Text>
          </Card>
        ))}
      </Space>
    );
  }
  return (
    <Table<Quarter>
      aria-label={t('各季度考评', 'Quarterly evaluations')}
      rowKey="period"
      size="small"
      pagination={false}
      dataSource={card.quarters}
      columns={[
        { title: t('季度', 'Quarter'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
        { title: t('联系社区', 'Community'), key: 'community', render: (_: unknown, q) => cell.community(q) },
        { title: t('得分', 'Score'), key: 'score', render: (_: unknown, q) => cell.score(q) },
        { title: t('排名', 'Rank'), key: 'rank', render: (_: unknown, q) => cell.rank(q) },
        { title: t('处分', 'Sanctions'), key: 'sanctions', render: (_: unknown, q) => cell.sanctions(q) },
        { title: t('民警被抽调', 'Diversions'), dataIndex: 'diversions' },
      ]}
    />
  );
}

function Presence({ months }: { months: readonly PresenceMonth[] }) {
  const { lang, t } = useI18n();
  const community = useCommunityNames(months.flatMap((m) => (m.communityId ? [m.communityId] : [])));
  // Not an empty table: its placeholder grey is too faint to read (axe: 1.8:1).
  if (months.length === 0) return <Typography.Paragraph>{t('本年度还没有已评定的月份。', 'No month of this year has been judged yet.')}</Typography.Paragraph>;
  return (
    <Table<PresenceMonth>
      aria-label={t('各月驻社区情况', 'Presence by month')}
      rowKey="month"
      size="small"
      pagination={false}
      dataSource={[...months]}
      columns={[
        { title: t('月份', 'Month'), dataIndex: 'month', render: (m: string) => periodLabel(m, lang) },
        { title: t('社区', 'Community'), dataIndex: 'communityId', render: (id: string | null) => (id ? community(id) : '—') },
        { title: t('驻社区天数', 'Days'), dataIndex: 'days', render: (days: number, m) => t(`${days} / ${m.required} 天`, `${days} of ${m.required}`) },
        {
          title: t('是否达标', 'Met'),
          dataIndex: 'compliant',
          render: (ok: boolean) => (ok ? <Tag color="success">{t('达标', 'Met')}</Tag> : <Tag color="error">{t('不达标', 'Not met')}</Tag>),
        },
      ]}
    />
  );
}

export default function ScorecardPage() {
  const { t } = useI18n();
  const session = useSession();
  const thisYear = Number(todayIn(session.timeZone).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const leaderId = session.subjectId ?? '';
  const loaded = useLoad(() => loadCard(leaderId, year), [leaderId, year]);
  return (
    <>
      <Typography.Title level={2}>{t('我的考核卡', 'My scorecard')}</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('年度', 'Year')} htmlFor="scorecard-year" style={{ marginBottom: 0 }}>
          <DatePicker
            id="scorecard-year"
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            disabledDate={(d) => d.year() > thisYear}
            onChange={(d) => d && setYear(d.year())}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={loaded.error} />
      <Spin spinning={loaded.loading} description={t('正在读取考核卡…', 'Reading the scorecard…')}>
        {loaded.data && (
          <>
            <Typography.Paragraph>
              {loaded.data.subject.name}({loaded.data.subject.id})
              {t(
                ' · 与所联系社区捆绑考评:社区的季度排名、处分和民警被抽调情况,连同本人驻社区情况,一并计入。',
                ' · judged with the community you are bound to: its quarterly rank, sanctions and diversions of its officers, and your own presence there.',
              )}
            </Typography.Paragraph>
            <Summary card={loaded.data} />
            <Typography.Title level={3}>{t('季度考评', 'Quarters')}</Typography.Title>
            <Quarters card={loaded.data} />
            <Typography.Title level={3} style={{ marginTop: 24 }}>
              {t('驻社区月度评定', 'Presence by month')}
            </Typography.Title>
            <Presence months={loaded.data.presence ?? []} />
          </>
        )}
      </Spin>
    </>
  );
}

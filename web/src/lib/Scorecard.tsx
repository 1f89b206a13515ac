// A leader's or department's binding scorecard (捆绑考评) for a year: the office it is bound to
// each quarter with that office's score, rank, sanctions and diversions, a leader's months of
// presence, and the year's summary. The bureau reads any card; a leader or department its own.
import { Descriptions, Space, Table, Tag, Typography } from 'antd';
import { api, call, type operations } from '../api/client';
import { useI18n } from '../app/i18n';
import { ProblemAlert } from './problem';
import { labelOf, sanctionLabels } from '../../../src/core/vocabulary';
import { periodLabel } from './periods';
import { useLoad } from './useLoad';

type LeaderCard = operations['getLeaderScorecard']['responses'][200]['content']['application/json'];
type DepartmentCard = operations['getDepartmentScorecard']['responses'][200]['content']['application/json'];
type Quarter = LeaderCard['quarters'][number];
type Month = LeaderCard['presence'][number];

function loadCard(type: 'leader' | 'department', id: string, year: number): Promise<LeaderCard | DepartmentCard> {
  const params = { params: { path: { id }, query: { year } } };
  return type === 'leader' ? call(api.GET('/leaders/{id}/scorecard', params)) : call(api.GET('/departments/{id}/scorecard', params));
}

export function Scorecard({ type, id, year }: { type: 'leader' | 'department'; id: string; year: number }) {
  const { lang, t } = useI18n();
  const loaded = useLoad(() => loadCard(type, id, year), [type, id, year]);
  const card = loaded.data;
  if (!card) return <ProblemAlert error={loaded.error} />;
  const presence = card.subject.type === 'leader' ? (card as LeaderCard).presence : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <ProblemAlert error={loaded.error} />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 4 }} title={`${card.subject.name}（${card.subject.id}）· ${card.year}`}>
        <Descriptions.Item label={t('末位季度数', 'Quarters last')}>{card.summary.quartersLast}</Descriptions.Item>
        <Descriptions.Item label={t('处分数', 'Sanctions')}>{card.summary.sanctions}</Descriptions.Item>
        <Descriptions.Item label={t('民警被抽调次数', 'Diversions')}>{card.summary.diversions}</Descriptions.Item>
        {presence && <Descriptions.Item label={t('驻点不足月数', 'Months short of presence')}>{String(card.summary.nonCompliantMonths)}</Descriptions.Item>}
      </Descriptions>
      <Table<Quarter>
        aria-label={t('季度考核', 'Quarters')}
        rowKey="period"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={card.quarters}
        columns={[
          { key: 'period', title: t('季度', 'Quarter'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
          { key: 'community', title: t('联系社区', 'Community'), dataIndex: 'communityId', render: (c: string | null) => c ?? t('未联系', 'none') },
          {
            key: 'score',
            title: t('得分', 'Score'),
            align: 'right',
            render: (_, q) => (q.evaluated && q.score !== null ? q.score.toFixed(2) : t('未考核', 'not evaluated')),
          },
          {
            key: 'rank',
            title: t('排名', 'Rank'),
            render: (_, q) =>
              q.rank === null ? (
                '—'
              ) : (
                <>
                  {t(`${q.rank} / ${q.offices}`, `${q.rank} of ${q.offices}`)} {q.isLast && <Tag color="error">{t('末位', 'last')}</Tag>}
                </>
              ),
          },
          {
            key: 'sanctions',
            title: t('处分', 'Sanctions'),
            render: (_, q) => (q.sanctions.length ? q.sanctions.map((s) => <Tag key={s.id}>{labelOf(sanctionLabels, s.kind)[lang]}</Tag>) : t('无', 'none')),
          },
          { key: 'diversions', title: t('抽调次数', 'Diversions'), dataIndex: 'diversions', align: 'right' },
        ]}
      />
      {presence && (
        <>
          <Typography.Title level={3}>{t('驻点情况', 'Presence')}</Typography.Title>
          <Table<Month>
            aria-label={t('每月驻点', 'Presence by month')}
            rowKey="month"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={presence}
            locale={{ emptyText: <Typography.Text type="secondary">{t('本年还没有驻点记录', 'No presence recorded this year')}</Typography.Text> }}
            columns={[
              { key: 'month', title: t('月份', 'Month'), dataIndex: 'month' },
              { key: 'community', title: t('联系社区', 'Community'), dataIndex: 'communityId', render: (c: string | null) => c ?? '—' },
              { key: 'days', title: t('驻点天数 / 应驻', 'Days / required'), render: (_, m) => `${m.days} / ${m.required}` },
              {
                key: 'compliant',
                title: t('是否达标', 'Met'),
                render: (_, m) => (m.compliant ? <Tag color="processing">{t('达标', 'met')}</Tag> : <Tag color="error">{t('不足', 'short')}</Tag>),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

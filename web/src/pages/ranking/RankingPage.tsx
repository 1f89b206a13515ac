// 季度排名: one decided quarter's offices with score, rank (shared ranks marked 并列), sanctions and
// subsidy, sorted and paged by the server; each office opens its breakdown. The quarter and the
// sort live in the address, so the way back from a breakdown lands on the same page of the table.
import { Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { formatYuan } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { labelOf, sanctionLabels } from '../../../../src/core/vocabulary';
import { periodLabel } from '../../lib/periods';
import { usePages } from '../../lib/usePages';
import type { EvaluationRow } from './rows';
import { useDecidedQuarters } from './useDecidedQuarters';

type Row = EvaluationRow;
type SortKey = 'rank' | 'score' | 'communityId';
const sortKeys: readonly SortKey[] = ['rank', 'score', 'communityId'];
const pageSize = 50;

export default function RankingPage() {
  const { lang, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const quarters = useDecidedQuarters();
  const cycleId = params.get('cycle') ?? quarters.data?.[0]?.id;
  const sort = sortKeys.find((k) => k === params.get('sort')) ?? 'rank';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const paged = usePages<Row>(
    (cursor) =>
      cycleId
        ? page(api.GET('/evaluations', { params: { query: { cycleId, standing: 'true', sort, order, limit: pageSize, cursor } } }))
        : Promise.resolve({ items: [] }),
    [cycleId, sort, order],
  );
  const choose = (changes: Record<string, string>) => setParams((p) => new URLSearchParams({ ...Object.fromEntries(p), ...changes }), { replace: true });

  const sortOrder = (key: SortKey) => (sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null);
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'rank',
      title: t('排名', 'Rank'),
      dataIndex: 'rank',
      sorter: true,
      sortOrder: sortOrder('rank'),
      render: (rank: number, row) => (
        <Space size={4}>
          {rank}
          {row.sharedRank && <Tag color="processing">{t('并列', 'tied')}</Tag>}
          {row.isLast && <Tag color="error">{t('末位', 'last')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'communityId',
      title: t('社区警务室', 'Office'),
      dataIndex: 'communityName',
      sorter: true,
      sortOrder: sortOrder('communityId'),
      render: (name: string, row) => (
        <Link to={`/ranking/${encodeURIComponent(row.cycleId)}/${encodeURIComponent(row.communityId)}?${params.toString()}`}>
          {name}（{row.communityId}）
        </Link>
      ),
    },
    {
      key: 'score',
      title: t('得分', 'Score'),
      dataIndex: 'score',
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('score'),
      render: (s: number) => s.toFixed(2),
    },
    {
      key: 'sanctions',
      title: t('处分', 'Sanctions'),
      render: (_, row) => {
        const sanctions = row.decisions.filter((d) => d.type === 'sanction');
        return sanctions.length
          ? sanctions.map((d) => (
              <Tag key={d.id} color="error">
                {labelOf(sanctionLabels, d.kind)[lang]}
              </Tag>
            ))
          : t('无', 'none');
      },
    },
    { key: 'subsidy', title: t('补贴', 'Subsidy'), dataIndex: 'subsidy', align: 'right', render: (amount: number | null) => formatYuan(amount) },
  ];

  const onChange: TableProps<Row>['onChange'] = (_pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = sortKeys.find((k) => k === s?.columnKey);
    if (key && s.order) choose({ sort: key, order: s.order === 'descend' ? 'desc' : 'asc' });
    else choose({ sort: 'rank', order: 'asc' });
  };

  return (
    <>
      <Typography.Title level={2}>{t('季度排名', 'Quarterly ranking')}</Typography.Title>
      <ProblemAlert error={quarters.error ?? paged.error} />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="ranking-cycle">{t('考核周期', 'Cycle')}</label>
        <Select
          id="ranking-cycle"
          style={{ minWidth: 220 }}
          loading={quarters.loading}
          value={cycleId}
          placeholder={t('还没有已完成的季度考核', 'No decided quarter yet')}
          options={(quarters.data ?? []).map((c) => ({ value: c.id, label: periodLabel(c.period, lang) }))}
          onChange={(cycle: string) => choose({ cycle })}
        />
      </Space>
      <Table<Row>
        aria-label={t('排名表', 'Ranking table')}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={paged.items}
        loading={paged.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        showSorterTooltip={false}
        sortDirections={['ascend', 'descend']}
        onChange={onChange}
        locale={{
          // AntD's grey empty text falls short of AA contrast; secondary text meets it.
          emptyText: (
            <Typography.Text type="secondary">
              {cycleId ? t('本季度没有考核结果', 'No results for this quarter') : t('还没有已完成的季度考核', 'No decided quarter yet')}
            </Typography.Text>
          ),
        }}
      />
      <PageControls paged={paged} />
    </>
  );
}

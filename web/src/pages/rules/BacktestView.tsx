// A back-test's answer: totals first (money and sanctions, decided vs under the edited rules),
// then each re-decided period's offices (score, rank, sanctions, reward) and officers (subsidy)
// that would change. Offices and officers that stay the same are not listed.
import { Card, Descriptions, Empty, Space, Table, Typography } from 'antd';
import type { BacktestReport, Change, OfficeChange, OfficerChange, Totals } from '../../../../src/core/backtest';
import { sanctionLabels, type SanctionKind } from '../../../../src/core/vocabulary';
import { useI18n } from '../../app/i18n';
import { formatYuan } from '../../lib/format';

const signed = (n: number, show: (n: number) => string) => (n > 0 ? `+${show(n)}` : show(n));
const plain = (n: number | null) => (n === null ? '—' : String(n));

function Before({ change, show = plain }: { change?: Change<number | null>; show?: (n: number | null) => string }) {
  if (!change) return <Typography.Text type="secondary">{'—'}</Typography.Text>;
  return (
    <span>
      {show(change.actual)} → <strong>{show(change.candidate)}</strong>
    </span>
  );
}

export function BacktestView({ report }: { report: BacktestReport }) {
  const { lang, t } = useI18n();
  const kinds = (list: string[]) => (list.length ? list.map((k) => sanctionLabels[k as SanctionKind]?.[lang] ?? k).join('、') : t('无', 'none'));
  const money = (n: number | null) => (n === null ? '—' : formatYuan(n));
  const total = (label: string, x: Totals, show: (n: number) => string) => ({
    key: label,
    label,
    children: (
      <span>
        {show(x.actual)} → <strong>{show(x.candidate)}</strong> ({signed(x.change, show)})
      </span>
    ),
  });
  const periods = report.periods.filter((p) => p.offices.length || p.officers.length);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        title={t('合计(已决定 → 按新规则)', 'Totals (decided → under the edited rules)')}
        items={[
          total(t('补贴', 'Subsidy'), report.totals.subsidy, formatYuan),
          total(t('奖励', 'Rewards'), report.totals.rewards, formatYuan),
          total(t('金额合计', 'All money'), report.totals.money, formatYuan),
          total(t('处分数', 'Sanctions'), report.totals.sanctions, String),
          { key: 'offices', label: t('有变化的警务室', 'Offices changed'), children: report.totals.officesChanged },
          { key: 'officers', label: t('补贴有变化的民警', 'Officers changed'), children: report.totals.officersChanged },
        ]}
      />
      {periods.length === 0 && <Empty description={t('按新规则重新判定,结果没有任何变化。', 'Re-decided under the edited rules, nothing changes.')} />}
      {periods.map((p) => (
        <Card key={p.period} size="small" title={t(`考核周期 ${p.period}`, `Period ${p.period}`)}>
          {p.offices.length > 0 && (
            <Table<OfficeChange>
              rowKey="community"
              size="small"
              aria-label={t(`${p.period} 各警务室对比`, `${p.period} offices compared`)}
              dataSource={p.offices}
              scroll={{ x: true }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('警务室', 'Office'), dataIndex: 'community' },
                { title: t('得分', 'Score'), key: 'score', render: (_, o) => <Before change={o.score} /> },
                { title: t('排名', 'Rank'), key: 'rank', render: (_, o) => <Before change={o.rank} /> },
                {
                  title: t('处分', 'Sanctions'),
                  key: 'sanctions',
                  render: (_, o) =>
                    o.sanctions ? (
                      <span>
                        {kinds(o.sanctions.actual)} → <strong>{kinds(o.sanctions.candidate)}</strong>
                      </span>
                    ) : (
                      '—'
                    ),
                },
                { title: t('奖励', 'Reward'), key: 'reward', render: (_, o) => <Before change={o.reward} show={money} /> },
              ]}
            />
          )}
          {p.officers.length > 0 && (
            <Table<OfficerChange>
              rowKey="officer"
              size="small"
              aria-label={t(`${p.period} 各民警补贴对比`, `${p.period} officers' subsidy compared`)}
              dataSource={p.officers}
              scroll={{ x: true }}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('民警', 'Officer'), dataIndex: 'officer' },
                { title: t('警务室', 'Office'), dataIndex: 'community' },
                { title: t('补贴', 'Subsidy'), key: 'subsidy', render: (_, o) => <Before change={o.subsidy} show={money} /> },
                { title: t('变化', 'Change'), key: 'change', render: (_, o) => signed(o.subsidy.change, formatYuan) },
              ]}
            />
          )}
        </Card>
      ))}
    </Space>
  );
}

// How an office's score was made, one row per metric exactly as docs/scoring.md computes it: the
// figure (per 10,000 residents for counts), the points (base points and complexity factor where
// complexity is weighed), the weight and the contribution; the contributions add up to the score,
// and the line under the table says so. The bureau's breakdown page and the officer's evaluations
// both show it; a figure derived from the population register shows the counts it came from
// and, for a caller who reads that register (`derivationBasis`), a link naming who cost the points;
// on a phone the figure and the base points go under the metric and the points so
// the table fits without scrolling sideways.
import { Grid, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { registerDerivations, type RegisterDerivation } from '../../../src/core/register';
import type { MetricBreakdownEntry } from '../../../src/core/types';
import { useT } from '../app/i18n';
import { DerivationLink, type DerivationBasis } from '../pages/register/DerivationLink';
import { DerivedFigure, derivedOf } from './DerivedFigure';
import { countMetrics, metricLabel } from './metrics';

const two = (n: number) => n.toFixed(2);
const nowrap = { whiteSpace: 'nowrap' } as const;
type Row = MetricBreakdownEntry;

const isDerivedMetric = (m: string): m is RegisterDerivation => (registerDerivations as readonly string[]).includes(m);

export function ScoreBreakdown({
  breakdown,
  missing,
  score,
  caption,
  derivationBasis,
}: {
  breakdown: unknown;
  missing: unknown;
  score: number;
  caption?: string;
  /** The office's community and period, when the caller reads its register. */
  derivationBasis?: DerivationBasis;
}) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const rows = Array.isArray(breakdown) ? (breakdown as Row[]) : [];
  const absent = Array.isArray(missing) ? (missing as string[]) : [];
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const weighted = rows.reduce((sum, r) => sum + r.points * r.weight, 0);
  const figure = (r: Row) =>
    countMetrics.has(r.metric)
      ? `${r.value}${r.perResidents === undefined ? '' : t(`(每万人 ${r.perResidents.toFixed(4)})`, ` (${r.perResidents.toFixed(4)} per 10,000)`)}`
      : `${(r.value * 100).toFixed(2)}%`;
  const under = (text: string | undefined) =>
    text && (
      <>
        <br />
        <Typography.Text type="secondary">{text}</Typography.Text>
      </>
    );
  const derivation = (r: Row) => {
    const derived = derivedOf(r);
    return (
      derived && (
        <>
          <br />
          <DerivedFigure derived={derived} />
          {derivationBasis && isDerivedMetric(r.metric) && <DerivationLink basis={derivationBasis} metric={r.metric} />}
        </>
      )
    );
  };
  const basis = (r: Row) =>
    r.basePoints !== undefined && r.complexityFactor !== undefined
      ? t(
          `基础 ${two(r.basePoints)},复杂度系数 ${r.complexityFactor.toFixed(4)}`,
          `base ${two(r.basePoints)}, complexity factor ${r.complexityFactor.toFixed(4)}`,
        )
      : undefined;
  const columns: ColumnsType<Row> = narrow
    ? [
        {
          key: 'metric',
          title: t('指标', 'Metric'),
          render: (_, r) => (
            <>
              <span style={nowrap}>{metricLabel(r.metric, t)}</span>
              {under(figure(r))}
              {derivation(r)}
            </>
          ),
        },
        {
          key: 'points',
          title: t('得分', 'Points'),
          render: (_, r) => (
            <>
              {two(r.points)}
              {under(basis(r))}
            </>
          ),
        },
      ]
    : [
        { key: 'metric', title: t('指标', 'Metric'), render: (_, r) => metricLabel(r.metric, t) },
        {
          key: 'value',
          title: t('数据', 'Figure'),
          render: (_, r) => (
            <>
              {figure(r)}
              {derivation(r)}
            </>
          ),
        },
        { key: 'base', title: t('基础分', 'Base points'), align: 'right', render: (_, r) => (r.basePoints === undefined ? '—' : two(r.basePoints)) },
        {
          key: 'factor',
          title: t('复杂度系数', 'Complexity factor'),
          align: 'right',
          render: (_, r) => (r.complexityFactor === undefined ? '—' : r.complexityFactor.toFixed(4)),
        },
        { key: 'points', title: t('得分', 'Points'), dataIndex: 'points', align: 'right', render: two },
      ];
  columns.push(
    { key: 'weight', title: <span style={nowrap}>{t('权重', 'Weight')}</span>, dataIndex: 'weight', align: 'right' },
    { key: 'contribution', title: <span style={nowrap}>{t('贡献', 'Contribution')}</span>, dataIndex: 'contribution', align: 'right', render: two },
  );
  return (
    <>
      <Table<Row>
        aria-label={caption ?? t('指标明细', 'Metric breakdown')}
        rowKey="metric"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={columns.length - 2}>
              <strong>{t('合计', 'Total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {totalWeight}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{two(score)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {t(
          `总分 = Σ(得分 × 权重) ÷ Σ权重 = ${two(weighted)} ÷ ${totalWeight} = ${two(score)}（四舍五入到两位小数）；各项贡献按最大余数法分到分，合计等于总分。`,
          `Score = Σ(points × weight) ÷ Σ weight = ${two(weighted)} ÷ ${totalWeight} = ${two(score)} (half up to 2 decimals); the contributions are split to the cent by largest remainder and add up to the score.`,
        )}
      </Typography.Paragraph>
      {absent.length > 0 && (
        <Typography.Paragraph>
          {t('缺少数据、未计入得分的指标（其余权重按比例放大）：', 'Metrics without a figure, left out of the score (the other weights rescaled): ')}
          {absent.map((m) => (
            <Tag key={m}>{metricLabel(m, t)}</Tag>
          ))}
        </Typography.Paragraph>
      )}
    </>
  );
}

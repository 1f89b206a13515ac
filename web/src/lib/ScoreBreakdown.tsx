// How an office's score was made, one row per metric exactly as docs/scoring.md computes it:
// the figure (per 10,000 residents for counts), the points (before and after complexity where it
// is weighed), the weight and the contribution; the contributions add up to the score. On a
// phone the figure goes under the metric's name so the table fits without scrolling sideways.
import { Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { MetricBreakdownEntry } from '../../../src/core/types';
import { useT } from '../app/i18n';
import { countMetrics, metricLabel } from './metrics';

const two = (n: number) => n.toFixed(2);
const nowrap = { whiteSpace: 'nowrap' } as const;

export function ScoreBreakdown({ breakdown, missing, score, caption }: { breakdown: unknown; missing: unknown; score: number; caption: string }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const rows = Array.isArray(breakdown) ? (breakdown as MetricBreakdownEntry[]) : [];
  const absent = Array.isArray(missing) ? (missing as string[]) : [];
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const figure = (r: MetricBreakdownEntry) =>
    countMetrics.has(r.metric)
      ? `${r.value}${r.perResidents === undefined ? '' : t(`(每万人 ${r.perResidents.toFixed(4)})`, ` (${r.perResidents.toFixed(4)} per 10,000)`)}`
      : `${(r.value * 100).toFixed(2)}%`;
  const columns: ColumnsType<MetricBreakdownEntry> = [
    {
      title: t('指标', 'Metric'),
      dataIndex: 'metric',
      render: (m: string, r) => (
        <>
          <span style={nowrap}>{metricLabel(m, t)}</span>
          {narrow && (
            <>
              <br />
              <Typography.Text type="secondary">{figure(r)}</Typography.Text>
            </>
          )}
        </>
      ),
    },
    ...(narrow ? [] : [{ title: t('数据', 'Figure'), render: (_: unknown, r: MetricBreakdownEntry) => figure(r) }]),
    {
      title: t('得分', 'Points'),
      render: (_, r) => (
        <>
          {two(r.points)}
          {r.basePoints !== undefined && r.complexityFactor !== undefined && (
            <>
              <br />
              <Typography.Text type="secondary">
                {t(
                  `基础 ${two(r.basePoints)},复杂度系数 ${r.complexityFactor.toFixed(4)}`,
                  `base ${two(r.basePoints)}, complexity factor ${r.complexityFactor.toFixed(4)}`,
                )}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    { title: <span style={nowrap}>{t('权重', 'Weight')}</span>, dataIndex: 'weight' },
    { title: <span style={nowrap}>{t('贡献分', 'Contribution')}</span>, dataIndex: 'contribution', align: 'right', render: two },
  ];
  return (
    <>
      <Table<MetricBreakdownEntry>
        size="small"
        rowKey="metric"
        pagination={false}
        dataSource={rows}
        aria-label={caption}
        columns={columns}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={columns.length - 2}>
              <strong>{t('总分', 'Score')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{totalWeight}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{two(score)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t(
          `总分 = Σ 得分 × 权重 ÷ 权重合计(${totalWeight}),保留两位小数;各项贡献分相加等于总分。`,
          `Score = Σ points × weight ÷ total weight (${totalWeight}), to 2 decimals; the contributions add up to the score.`,
        )}
        {absent.length > 0 &&
          t(
            ` 缺少数据的指标不计入,其余权重按比例放大:${absent.map((m) => metricLabel(m, t)).join('、')}。`,
            ` Metrics without a figure are left out and the other weights rescaled: ${absent.map((m) => metricLabel(m, t)).join(', ')}.`,
          )}
      </Typography.Paragraph>
    </>
  );
}

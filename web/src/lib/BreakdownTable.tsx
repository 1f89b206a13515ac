// How an office's score was made, exactly as docs/scoring.md computes it: each metric's figure,
// its points (base points and complexity factor where complexity is weighed), weight and
// contribution; the contributions add up to the score, and the line under the table says so.
import { Table, Tag, Typography, type TableProps } from 'antd';
import { useI18n } from '../app/i18n';
import { metricLabel } from './metrics';

/** One metric of a stored evaluation's breakdown (src/core/types.ts MetricBreakdownEntry). */
export interface BreakdownEntry {
  metric: string;
  value: number;
  perResidents?: number;
  basePoints?: number;
  complexityFactor?: number;
  points: number;
  weight: number;
  contribution: number;
}

const two = (n: number) => n.toFixed(2);

export function BreakdownTable({ breakdown, missing, score }: { breakdown: unknown; missing: unknown; score: number }) {
  const { t } = useI18n();
  const rows = (Array.isArray(breakdown) ? breakdown : []) as BreakdownEntry[];
  const absent = (Array.isArray(missing) ? missing : []) as string[];
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const weighted = rows.reduce((sum, r) => sum + r.points * r.weight, 0);
  const columns: TableProps<BreakdownEntry>['columns'] = [
    { key: 'metric', title: t('指标', 'Metric'), dataIndex: 'metric', render: (m: string) => metricLabel(m, t) },
    {
      key: 'value',
      title: t('数据', 'Figure'),
      render: (_, r) => (r.perResidents === undefined ? r.value : `${r.value}（${t('每万人', 'per 10,000')} ${r.perResidents.toFixed(4)}）`),
    },
    { key: 'base', title: t('基础分', 'Base points'), align: 'right', render: (_, r) => (r.basePoints === undefined ? '—' : two(r.basePoints)) },
    {
      key: 'factor',
      title: t('复杂度系数', 'Complexity factor'),
      align: 'right',
      render: (_, r) => (r.complexityFactor === undefined ? '—' : r.complexityFactor.toFixed(4)),
    },
    { key: 'points', title: t('得分', 'Points'), dataIndex: 'points', align: 'right', render: two },
    { key: 'weight', title: t('权重', 'Weight'), dataIndex: 'weight', align: 'right' },
    { key: 'contribution', title: t('贡献', 'Contribution'), dataIndex: 'contribution', align: 'right', render: two },
  ];
  return (
    <>
      <Table<BreakdownEntry>
        aria-label={t('指标明细', 'Metric breakdown')}
        rowKey="metric"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <strong>{t('合计', 'Total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {totalWeight}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
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
          {t('缺少数据、未计入得分的指标：', 'Metrics without a figure, left out of the score: ')}
          {absent.map((m) => (
            <Tag key={m}>{metricLabel(m, t)}</Tag>
          ))}
        </Typography.Paragraph>
      )}
    </>
  );
}

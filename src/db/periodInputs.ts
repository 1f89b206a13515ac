// What deciding a period reads besides the county: the figures stored for it, and how the period
// before it ended (last places, scores, streaks), as the period cycle and the backtest both need.
import { formatPeriod, previousPeriod, type PeriodRef } from '../core/periods.js';
import type { MetricValues } from '../core/types.js';
import type { Db } from './client.js';

export async function figuresOf(db: Db, period: string) {
  const rows = await db.metricSubmission.findMany({ where: { period } });
  const figures: Record<string, { metrics: MetricValues }> = {};
  for (const r of rows) (figures[r.communityId] ??= { metrics: {} }).metrics[r.metric as keyof MetricValues] = r.value;
  return figures;
}

export async function previousPeriodOf(db: Db, period: PeriodRef) {
  const rows = await db.evaluation.findMany({ where: { period: formatPeriod(previousPeriod(period)) } });
  const last = rows.filter((r) => r.isLast);
  return {
    last: last.map((r) => r.communityId),
    scores: Object.fromEntries(rows.map((r) => [r.communityId, r.score])),
    consecutiveLast: Object.fromEntries(last.map((r) => [r.communityId, r.lastStreak])),
  };
}

// What deciding a period or a year reads besides the county's offices, all within one county: the figures stored for a period,
// how the period before it ended (last places, scores, streaks), and a year's quarterly scores,
// as the cycles and the backtest all need.
import { formatPeriod, previousPeriod, quarterPeriod, type PeriodRef } from '../core/calendar.js';
import type { DerivedCounts, MetricKey, MetricValues } from '../core/types.js';
import type { Db } from './client.js';

/** The figures a county's departments submitted or the register gave for a period, by community, with the counts of those derived. */
export async function figuresOf(db: Db, period: string, countyId: string) {
  const rows = await db.metricSubmission.findMany({ where: { period, countyId } });
  const figures: Record<string, { metrics: MetricValues; derived?: Partial<Record<MetricKey, DerivedCounts>> }> = {};
  for (const r of rows) {
    const office = (figures[r.communityId] ??= { metrics: {} });
    office.metrics[r.metric as MetricKey] = r.value;
    if (r.derivation) (office.derived ??= {})[r.metric as MetricKey] = r.derivation as unknown as DerivedCounts;
  }
  return figures;
}

export async function previousPeriodOf(db: Db, period: PeriodRef, countyId: string) {
  const rows = await db.evaluation.findMany({ where: { countyId, period: formatPeriod(previousPeriod(period)), supersededAt: null } });
  const last = rows.filter((r) => r.isLast);
  return {
    last: last.map((r) => r.communityId),
    scores: Object.fromEntries(rows.map((r) => [r.communityId, r.score])),
    consecutiveLast: Object.fromEntries(last.map((r) => [r.communityId, r.lastStreak])),
  };
}

/** The quarters of `year` a county evaluated so far, in order, and each of its offices' scores in them. */
export async function quarterScoresOf(db: Db, year: number, countyId: string) {
  const quarters = [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
  const evaluations = await db.evaluation.findMany({ where: { countyId, period: { in: quarters }, supersededAt: null }, orderBy: { period: 'asc' } });
  const quarterScores: Record<string, number[]> = {};
  for (const e of evaluations) (quarterScores[e.communityId] ??= []).push(e.score);
  return { quartersUsed: [...new Set(evaluations.map((e) => e.period))], quarterScores };
}

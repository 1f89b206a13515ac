// Which appeals hold an obligation's payment. An appeal touches every obligation of its cycle:
// the subsidy pool is split by score, so a corrected figure can change every amount of the
// period. It holds them from filing until it is upheld or its re-decision is stored.
import type { MetricKey } from '../core/types.js';
import type { Tx } from './audit.js';
import { ruleSetVersion } from './ruleSets.js';

export const openAppealWhere = { OR: [{ status: 'open' }, { status: 'overturned', redecidedAt: null }] };

/** Ids of the appeals that freeze payments of this cycle's obligations, oldest first. */
export async function appealsFreezing(tx: Tx, cycleId: string): Promise<number[]> {
  const rows = await tx.appeal.findMany({ where: { cycleId, ...openAppealWhere }, select: { id: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => r.id);
}

export type Appeal = NonNullable<Awaited<ReturnType<Tx['appeal']['findUnique']>>>;

/** An appeal in the terms of its notices and explanation. */
export interface AppealFacts {
  id: number;
  officerId: string;
  communityId: string;
  period: string;
  contests: string;
  decisionId: string | null;
  reason: string;
  /** The accepted figure once overturned, else the claimed one; with the metric's Chinese label. */
  metric: string | null;
  metricZh?: string;
  value: number | null;
  deadlineOn: string;
  status: string;
  decisionReason: string | null;
}

export async function appealFacts(tx: Tx, a: Appeal): Promise<AppealFacts> {
  const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: a.cycleId } });
  const metric = a.acceptedMetric ?? a.metric;
  const { ruleSet } = await ruleSetVersion(tx, cycle.ruleSetVersionId);
  return {
    id: a.id,
    officerId: a.officerId,
    communityId: a.communityId,
    period: cycle.period,
    contests: a.contests,
    decisionId: a.decisionId,
    reason: a.reason,
    metric,
    metricZh: metric ? ruleSet.scoring.metrics[metric as MetricKey]?.label : undefined,
    value: a.acceptedValue ?? a.value,
    deadlineOn: a.deadlineOn,
    status: a.status,
    decisionReason: a.decisionReason,
  };
}

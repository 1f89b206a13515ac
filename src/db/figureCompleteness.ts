// Which figures of a county's period are in and which are missing, by the department the rule
// set names as their source: what a cycle waits for, and what the console's completeness page shows.
import { parsePeriod, periodEnd } from '../core/calendar.js';
import { metricKeys, type MetricValues } from '../core/types.js';
import type { MissingFigure } from '../contracts/cycles.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Db } from './client.js';
import { findCycle } from './cycles.js';
import { officesOn } from './offices.js';
import { figuresOf } from './periodInputs.js';
import { ruleSetInForce, ruleSetVersion } from './ruleSets.js';

/** The metrics the rule set scores and a department submits: those the register derives are nobody's to chase. */
const submittedMetrics = (ruleSet: RuleSet) => metricKeys.filter((m) => ruleSet.scoring.metrics[m] && !ruleSet.scoring.metrics[m].derivation);

/** The figures each evaluated office lacks of the metrics the rule set scores and departments submit, with who supplies each. */
export function missingFigures(ruleSet: RuleSet, offices: readonly string[], figures: Record<string, { metrics: MetricValues }>): MissingFigure[] {
  return offices.flatMap((office) =>
    submittedMetrics(ruleSet)
      .filter((m) => figures[office]?.metrics[m] === undefined)
      .map((m) => ({ community: office, metric: m, source: ruleSet.scoring.metrics[m]!.source })),
  );
}

/** The rule set a county's period is judged by: its cycle's, once one started, else the one in force at its end. */
export async function periodRuleSet(db: Db, countyId: string, period: string) {
  const ref = parsePeriod(period);
  const cycle = await findCycle(db, countyId, ref.cadence, period);
  return cycle ? ruleSetVersion(db, cycle.ruleSetVersionId) : ruleSetInForce(db, countyId, periodEnd(ref));
}

export interface DepartmentCompleteness {
  department: string;
  metrics: string[];
  expected: number;
  received: number;
  missing: { community: string; metric: string }[];
}

/**
 * Per supplying department of the period: the metrics it owes, how many figures are expected
 * (its metrics × the offices evaluated at the period's end), received, and which are missing.
 * The rule set is the period's cycle's when one was started, else the one in force at its end.
 */
export async function figureCompleteness(db: Db, countyId: string, period: string) {
  const end = periodEnd(parsePeriod(period));
  const { id: ruleSetVersionId, ruleSet } = await periodRuleSet(db, countyId, period);
  const offices = (await officesOn(db, end, countyId)).map((o) => o.id);
  const missing = missingFigures(ruleSet, offices, await figuresOf(db, period, countyId));
  const departments = new Map<string, DepartmentCompleteness>();
  for (const m of submittedMetrics(ruleSet)) {
    const source = ruleSet.scoring.metrics[m]?.source;
    if (source === undefined) continue;
    const d = departments.get(source) ?? { department: source, metrics: [], expected: 0, received: 0, missing: [] };
    d.metrics.push(m);
    d.expected += offices.length;
    departments.set(source, d);
  }
  for (const m of missing) departments.get(m.source)!.missing.push({ community: m.community, metric: m.metric });
  for (const d of departments.values()) d.received = d.expected - d.missing.length;
  return { period, ruleSetVersionId, communities: offices, departments: [...departments.values()] };
}

// What a decided cycle must have left in the database, checked by natural key: the outcome is
// decided afresh from the stored inputs (the pure src/deciding, as the activity does), and every
// evaluation, decision, obligation and joint notice it names must be there exactly once, and
// nothing else.
import { expect } from 'vitest';
import { cyclePeriod, cyclePeriodEnd } from '../../../src/activities/figures.js';
import { decisionSlot } from '../../../src/core/appeal.js';
import type { Db } from '../../../src/db/client.js';
import { officesOn } from '../../../src/db/offices.js';
import { figuresOf, previousPeriodOf } from '../../../src/db/periodInputs.js';
import { ruleSetVersion } from '../../../src/db/ruleSets.js';
import { decidePeriod } from '../../../src/deciding/period.js';

/** Each key with how often it occurs, sorted, so a duplicate shows as a 2 and a missing key as absent. */
function tally(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of [...keys].sort()) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

export async function expectCycleRows(db: Db, cycleId: string): Promise<{ evaluations: number; decisions: number; obligations: number; notices: number }> {
  const cycle = await db.cycle.findUniqueOrThrow({ where: { id: cycleId } });
  expect(cycle.status).toBe('decided');
  const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
  const period = cyclePeriod(cycle.period);
  const outcome = await decidePeriod(
    {
      period,
      offices: await officesOn(db, cyclePeriodEnd(cycle.period), cycle.countyId),
      figures: await figuresOf(db, cycle.period, cycle.countyId),
      previous: await previousPeriodOf(db, period, cycle.countyId),
    },
    ruleSet,
  );
  // A cycle that decided nothing would pass the checks below without proving anything.
  expect(outcome.ranking.length * outcome.decisions.length * outcome.obligations.length * outcome.notices.length).toBeGreaterThan(0);
  const [evaluations, decisions, obligations, notices] = await Promise.all([
    db.evaluation.findMany({ where: { cycleId }, select: { communityId: true, revision: true } }),
    db.decision.findMany({ where: { cycleId }, select: { subjectType: true, subjectId: true, kind: true, revision: true } }),
    db.paymentObligation.findMany({ where: { cycleId }, select: { id: true, decisionId: true } }),
    db.notice.findMany({ where: { cycleId, kind: 'joint-notice' }, select: { about: true } }),
  ]);
  const one = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, 1]));

  expect(tally(evaluations.map((e) => `${e.communityId}#${e.revision}`))).toEqual(one(outcome.ranking.map((r) => `${r.community}#0`)));
  expect(tally(decisions.map((d) => `${d.subjectType}/${d.subjectId}/${d.kind}#${d.revision}`))).toEqual(
    one(
      outcome.decisions.map((d) => {
        const s = decisionSlot(d);
        return `${s.subjectType}/${s.subjectId}/${s.kind}#0`;
      }),
    ),
  );
  expect(tally(obligations.map((o) => o.id))).toEqual(one(outcome.obligations.map((o) => o.id)));
  expect(tally(obligations.map((o) => o.decisionId))).toEqual(one(outcome.obligations.map((o) => `${cycleId}/${o.kind}/${o.payees[0]}`)));
  expect(tally(notices.map((n) => n.about ?? ''))).toEqual(one(outcome.notices.map((n) => n.about)));
  return { evaluations: evaluations.length, decisions: decisions.length, obligations: obligations.length, notices: notices.length };
}

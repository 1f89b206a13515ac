// The year-end cycle: ranks the year from the stored quarterly scores with src/deciding, and
// stores rewards, their payment obligations and the records honours create, in one transaction
// keyed on the year: a retry, or a second run, changes nothing.
import { PermanentFailure } from '../core/failures.js';
import { defaultTimeZone, outOfBounds, yearSpan } from '../core/periodBounds.js';
import type { Honour, RewardDecision } from '../core/types.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { countyOfCycle, legacyCountyId, markCycleDecided, reopenFailedCycle } from '../db/cycles.js';
import { systemActor } from './actor.js';
import { recordDecision } from '../db/decisions.js';
import { storeObligation } from '../db/obligations.js';
import { officesOn } from '../db/offices.js';
import { quarterScoresOf } from '../db/periodInputs.js';
import { ruleSetInForce, ruleSetVersion } from '../db/ruleSets.js';
import { decideYear } from '../deciding/year.js';
import { recordedFacts } from '../rules/explanation.js';
import type { ActivityDeps } from './deps.js';
import { followUpsOf } from './followUps.js';
import type { FollowUp } from '../contracts/followUps.js';
import { fromFen, toFen } from '../core/money.js';

const quarters = (year: number) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`);

/** Who an honour is addressed to: the county committee decides the treatment; the pool is the bureau's own. */
const addressees: Record<Honour, string> = {
  'deputy-section-level-recommendation': 'county-committee',
  'reserve-talent-pool': 'reserve-talent-pool',
};

export interface YearEndSummary {
  cycleId: string;
  year: number;
  quartersUsed: string[];
  ranked: number;
  rewards: number;
  rewardTotal: number;
  honours: number;
  /** Payment verification of the rewards. */
  followUps: FollowUp[];
}

export function yearEndActivities({ db, clock, timeZone = defaultTimeZone }: ActivityDeps) {
  /** A year that has not ended, or is out of bounds, fails for good. */
  const checkYear = (year: number) => {
    const bounds = outOfBounds(yearSpan(year), clock(), timeZone);
    if (bounds) throw new PermanentFailure(bounds.type, bounds.message);
  };

  return {
    /** The year's quarters whose cycles in the county have not been decided yet (a run from before counties: the first county's). */
    async undecidedQuarters(input: { year: number; countyId?: string }): Promise<string[]> {
      checkYear(input.year);
      const decided = await db.cycle.findMany({
        where: { countyId: input.countyId ?? legacyCountyId, kind: 'quarterly', status: 'decided', period: { in: quarters(input.year) } },
        select: { period: true },
      });
      return quarters(input.year).filter((p) => !decided.some((c) => c.period === p));
    },

    async decideYearEnd(input: { cycleId: string; year: number; countyId?: string }): Promise<YearEndSummary> {
      const { cycleId, year } = input;
      checkYear(year);
      const existing = await db.cycle.findUnique({ where: { id: cycleId } });
      const countyId = countyOfCycle(cycleId, existing, input.countyId);
      const actor = systemActor(countyId, 'yearEndEvaluation');
      const inForce = await ruleSetInForce(db, countyId, `${year}-12-31`);
      let cycle = await db.cycle.upsert({
        where: { id: cycleId },
        create: { id: cycleId, countyId, kind: 'year-end', period: String(year), status: 'collecting', ruleSetVersionId: inForce.id },
        update: {},
      });
      if (cycle.status === 'failed') cycle = await reopenFailedCycle(db, cycleId, actor, inForce.id);
      const { quartersUsed, quarterScores } = await quarterScoresOf(db, year, countyId);
      if (cycle.status === 'decided') return storedSummary(db, cycle, year, quartersUsed);

      const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
      const offices = await officesOn(db, `${year}-12-31`, countyId);
      const outcome = await decideYear({ year, offices, quarterScores }, ruleSet);
      const today = clock().toISOString().slice(0, 10);

      await db.$transaction(
        async (tx) => {
          for (const reward of outcome.rewards) await storeReward(tx, actor, cycle, year, reward, today);
          for (const o of outcome.obligations) {
            await storeObligation(tx, {
              id: o.id,
              countyId,
              cycleId,
              decisionId: `${cycleId}/reward/${o.community}`,
              kind: 'reward',
              payeeType: 'community',
              payeeId: o.community,
              amountFen: toFen(o.amount),
              dueOn: o.due,
            });
          }
          await markCycleDecided(tx, actor, cycle, clock(), { rewards: outcome.rewards.length, quartersUsed });
        },
        { timeout: 600_000, maxWait: 30_000 },
      );
      return storedSummary(db, cycle, year, quartersUsed);
    },
  };
}

async function storeReward(
  tx: Tx,
  actor: AuditActor,
  { id: cycleId, countyId, ruleSetVersionId }: { id: string; countyId: string; ruleSetVersionId: number },
  year: number,
  d: RewardDecision,
  today: string,
) {
  const id = `${cycleId}/reward/${d.community}`;
  const row = {
    id,
    countyId,
    cycleId,
    type: 'reward',
    kind: 'reward',
    subjectType: 'community',
    subjectId: d.community,
    officers: d.officers,
    rule: d.rule,
    reason: d.because,
    facts: recordedFacts(d) as object,
    amountFen: toFen(d.amount),
    ruleSetVersionId,
  };
  if (!(await recordDecision(tx, actor, row))) return;
  for (const honour of d.honours) {
    for (const officerId of d.officers) {
      const record = await tx.honourRecord.create({
        data: { decisionId: id, year, communityId: d.community, officerId, honour, addressee: addressees[honour], since: today },
      });
      await audited(tx, actor, { action: 'create', entity: 'HonourRecord', entityId: record.id, after: record });
    }
  }
}

async function storedSummary(
  db: ActivityDeps['db'],
  { id: cycleId, countyId }: { id: string; countyId: string },
  year: number,
  quartersUsed: string[],
): Promise<YearEndSummary> {
  const [rewards, honours, ranked] = await Promise.all([
    db.decision.findMany({ where: { cycleId, type: 'reward' }, select: { amountFen: true } }),
    // Honours belong to the county of their decision, which is this cycle's.
    db.honourRecord.count({ where: { year, decisionId: { startsWith: `${cycleId}/` } } }),
    db.evaluation.groupBy({ by: ['communityId'], where: { countyId, period: { in: quartersUsed } } }),
  ]);
  return {
    cycleId,
    year,
    quartersUsed,
    ranked: ranked.length,
    rewards: rewards.length,
    rewardTotal: fromFen(rewards.reduce((s, r) => s + (r.amountFen ?? 0), 0)),
    honours,
    followUps: await followUpsOf(db, cycleId),
  };
}

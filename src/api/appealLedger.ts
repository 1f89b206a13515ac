// The writes behind the appeal routes: filing (within the rule set's window, one open appeal per
// office and period) and the bureau's decision. Each checks everything first and writes the
// appeal and its audit row in one transaction, so a refused request leaves nothing behind.
// An officer files for themselves about their county's records; what lies in another county, or
// a decision not naming them, is answered as if it did not exist.
import { addDays, parsePeriod, periodEnd } from '../core/calendar.js';
import { figureProblem } from '../core/scoring.js';
import type { MetricKey } from '../core/types.js';
import { openAppealWhere } from '../db/appeals.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { communitiesOn } from '../db/bindings.js';
import type { Db } from '../db/client.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { namesOfficer } from './access/ownRecords.js';
import { Problem } from './problem.js';

export type Filing = {
  officerId: string;
  reason: string;
  metric?: MetricKey;
  value?: number;
} & ({ contests: 'evaluation'; cycleId: string } | { contests: 'decision'; decisionId: string });

/** Who writes: the audit actor and the county they write in. */
export interface AppealCaller {
  actor: AuditActor | string;
  countyId: string;
}

const actorId = (actor: AuditActor | string) => (typeof actor === 'string' ? actor : actor.id);

/** The bureau's answer; an overturn may state the figure it accepts instead of the claimed one. */
export interface AppealDecision {
  outcome: 'upheld' | 'overturned';
  reason: string;
  metric?: MetricKey;
  value?: number;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function correctionProblem(ruleSet: RuleSet, metric: MetricKey, value: number): Problem | undefined {
  const config = ruleSet.scoring.metrics[metric];
  if (!config) return Problem.field(422, { pointer: '/metric', message: `the rule set of this period does not score ${metric}` });
  const problem = figureProblem(config, value);
  return problem ? Problem.field(422, { pointer: '/value', message: `${problem} for ${metric}` }) : undefined;
}

async function decidedCycle(tx: Tx, countyId: string, cycleId: string, pointer: string) {
  const found = await tx.cycle.findUnique({ where: { id: cycleId } });
  const cycle = found?.countyId === countyId ? found : null;
  if (!cycle || cycle.status !== 'decided')
    throw Problem.field(422, { pointer, message: `cycle ${cycleId} ${cycle ? 'is not decided yet' : 'does not exist'}` });
  if (cycle.kind === 'year-end')
    throw Problem.field(422, { pointer, message: `${cycleId} is a year-end ranking; appeals contest a period's evaluation or its decisions` });
  return { cycle, ruleSet: (await ruleSetVersion(tx, cycle.ruleSetVersionId)).ruleSet };
}

/** The office and the standing row contested, and the day the window opened. */
async function contested(tx: Tx, countyId: string, f: Filing) {
  if (f.contests === 'decision') {
    const found = await tx.decision.findUnique({ where: { id: f.decisionId } });
    const decision = found?.countyId === countyId ? found : null;
    if (!decision) throw Problem.field(422, { pointer: '/decisionId', message: `decision ${f.decisionId} does not exist` });
    if (decision.supersededAt) {
      throw Problem.field(422, {
        pointer: '/decisionId',
        message: `decision ${decision.id} was replaced${decision.supersededBy ? ` by ${decision.supersededBy}` : ''} on appeal ${decision.supersededByAppeal}; appeal what stands`,
      });
    }
    if (!namesOfficer(decision, f.officerId)) {
      throw Problem.field(422, { pointer: '/officerId', message: `decision ${decision.id} is not about officer ${f.officerId}` });
    }
    const { cycle, ruleSet } = await decidedCycle(tx, countyId, decision.cycleId, '/decisionId');
    const [communityId] = await communitiesOn(tx, 'officer', f.officerId, periodEnd(parsePeriod(cycle.period)));
    return {
      cycle,
      ruleSet,
      communityId: communityId ?? decision.subjectId,
      since: decision.createdAt,
      pointer: '/decisionId',
      what: `decision ${decision.id}`,
    };
  }
  const { cycle, ruleSet } = await decidedCycle(tx, countyId, f.cycleId, '/cycleId');
  const [communityId] = await communitiesOn(tx, 'officer', f.officerId, periodEnd(parsePeriod(cycle.period)));
  const evaluation = communityId ? await tx.evaluation.findFirst({ where: { cycleId: cycle.id, communityId, supersededAt: null } }) : null;
  if (!evaluation) throw Problem.field(422, { pointer: '/officerId', message: `officer ${f.officerId}'s office was not evaluated in ${cycle.id}` });
  return {
    cycle,
    ruleSet,
    communityId: communityId!,
    since: evaluation.createdAt,
    pointer: '/cycleId',
    what: `the evaluation of ${communityId} in ${cycle.id}`,
  };
}

export async function fileAppeal(db: Db, caller: AppealCaller, today: string, f: Filing) {
  const { actor, countyId } = caller;
  return db.$transaction(async (tx) => {
    if ((await tx.officer.findUnique({ where: { id: f.officerId } }))?.countyId !== countyId)
      throw Problem.field(422, { pointer: '/officerId', message: `officer ${f.officerId} does not exist` });
    const c = await contested(tx, countyId, f);
    const p = c.ruleSet.parameters;
    const windowEndsOn = addDays(day(c.since), p.appealWindowDays);
    if (today > windowEndsOn) {
      throw new Problem(
        422,
        `${c.pointer}: the appeal window for ${c.what} ended on ${windowEndsOn} (${p.appealWindowDays} days after ${day(c.since)})`,
        [{ pointer: c.pointer, message: `the appeal window ended on ${windowEndsOn}` }],
        { windowEndsOn },
      );
    }
    if (f.metric !== undefined) {
      const problem = correctionProblem(c.ruleSet, f.metric, f.value!);
      if (problem) throw problem;
    }
    const open = await tx.appeal.findFirst({ where: { cycleId: c.cycle.id, communityId: c.communityId, ...openAppealWhere } });
    if (open)
      throw new Problem(409, `appeal ${open.id} about ${c.communityId} in ${c.cycle.id} is still open; a second appeal waits until it is decided`, undefined, {
        openAppeal: open.id,
      });
    const row = await tx.appeal.create({
      data: {
        countyId,
        cycleId: c.cycle.id,
        communityId: c.communityId,
        officerId: f.officerId,
        contests: f.contests,
        decisionId: f.contests === 'decision' ? f.decisionId : null,
        reason: f.reason,
        metric: f.metric ?? null,
        value: f.value ?? null,
        windowEndsOn,
        deadlineOn: addDays(today, p.appealDecisionDays),
        filedBy: actorId(actor),
      },
    });
    await audited(tx, actor, { action: 'create', entity: 'Appeal', entityId: String(row.id), after: row });
    return { appeal: row, timing: { remindEveryDays: p.appealReminderDays, decideWithinDays: p.appealDecisionDays } };
  });
}

export async function decideAppeal(db: Db, caller: AppealCaller, now: Date, appealId: number, d: AppealDecision) {
  const { actor, countyId } = caller;
  return db.$transaction(async (tx) => {
    const found = await tx.appeal.findUnique({ where: { id: appealId } });
    const appeal = found?.countyId === countyId ? found : null;
    if (!appeal) throw Problem.notFound('appeal', appealId);
    if (appeal.status !== 'open') throw new Problem(409, `appeal ${appealId} was already ${appeal.status} on ${appeal.decidedAt?.toISOString()}`);
    let accepted: { acceptedMetric: string | null; acceptedValue: number | null } = { acceptedMetric: null, acceptedValue: null };
    if (d.outcome === 'upheld' && d.metric !== undefined)
      throw Problem.field(422, { pointer: '/metric', message: 'only an overturn takes a corrected figure' });
    if (d.outcome === 'overturned') {
      const metric = (d.metric ?? appeal.metric) as MetricKey | null;
      const value = d.metric !== undefined ? d.value! : appeal.value;
      if (metric === null || value === null) {
        throw Problem.field(422, {
          pointer: '/metric',
          message: 'an overturn re-decides the period with a corrected figure; the appeal claims none, so give metric and value',
        });
      }
      const cycle = await tx.cycle.findUniqueOrThrow({ where: { id: appeal.cycleId } });
      const problem = correctionProblem((await ruleSetVersion(tx, cycle.ruleSetVersionId)).ruleSet, metric, value);
      if (problem) throw problem;
      accepted = { acceptedMetric: metric, acceptedValue: value };
    }
    const { count } = await tx.appeal.updateMany({
      where: { id: appealId, status: 'open' },
      data: { status: d.outcome, decisionReason: d.reason, decidedBy: actorId(actor), decidedAt: now, ...accepted },
    });
    if (count !== 1) throw new Problem(409, `appeal ${appealId} was decided meanwhile`);
    await audited(tx, actor, {
      action: d.outcome === 'upheld' ? 'uphold' : 'overturn',
      entity: 'Appeal',
      entityId: String(appealId),
      before: { status: 'open' },
      after: { status: d.outcome, reason: d.reason, ...accepted },
    });
    return tx.appeal.findUniqueOrThrow({ where: { id: appealId } });
  });
}

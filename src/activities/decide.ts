// Decides a period (month, quarter or half-year) with src/deciding and stores every outcome
// under its natural key, in one transaction: a retry, or a second run for a decided cycle,
// changes nothing.
import { PermanentFailure } from '../core/failures.js';
import { decisionSlot } from '../core/appeal.js';
import type { Decision, NoticeDraft, Office, PeriodOutcome } from '../core/types.js';
import { decidePeriod } from '../deciding/period.js';
import { recordedFacts } from '../rules/explanation.js';
import { markCycleDecided, openedCycle } from '../db/cycles.js';
import { recordDecision } from '../db/decisions.js';
import { storeObligation } from '../db/obligations.js';
import { officesOn } from '../db/offices.js';
import { figuresOf, previousPeriodOf } from '../db/periodInputs.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import { proposeReassignment } from '../db/reassignments.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { renderNotice, type NameOf } from '../notices/render.js';
import type { Notifier, Tx } from '../notices/notifier.js';
import type { MissingFigure } from '../contracts/cycles.js';
import type { ActivityDeps } from './deps.js';
import { cyclePeriod, cyclePeriodEnd } from './figures.js';
import { followUpsOf } from './followUps.js';
import { nameLookup } from './names.js';
import type { FollowUp } from '../contracts/followUps.js';
import { fromFen, toFen } from '../core/money.js';
import type { AuditActor } from '../db/audit.js';
import { systemActor } from './actor.js';

export interface CycleSummary {
  cycleId: string;
  period: string;
  ranked: number;
  unranked: string[];
  sanctions: number;
  notices: number;
  obligations: number;
  subsidyTotal: number;
  gaps: MissingFigure[];
  followUps: FollowUp[];
}

export function decideActivities({ db, notifier, clock, timeZone = defaultTimeZone }: ActivityDeps) {
  return {
    async decideAndPersist(input: { cycleId: string; gaps: MissingFigure[] }): Promise<CycleSummary> {
      const cycle = await openedCycle(db, input.cycleId);
      if (cycle.status === 'decided') return storedSummary(db, cycle, input.gaps);

      const { countyId } = cycle;
      const actor = systemActor(countyId, 'periodEvaluation');
      const period = cyclePeriod(cycle.period);
      const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
      const offices = await officesOn(db, cyclePeriodEnd(cycle.period), countyId);
      const figures = await figuresOf(db, cycle.period, countyId);
      const previous = await previousPeriodOf(db, period, countyId);
      refuseUnboundFigures(figures, offices, cycle.period);
      const outcome = await decidePeriod({ period, offices, figures, previous }, ruleSet);
      const nameOf = await nameLookup(db, countyId);
      const today = clock().toISOString().slice(0, 10);

      await db.$transaction(
        async (tx) => {
          await storeEvaluations(tx, cycle, outcome);
          for (const d of outcome.decisions) await storeDecision(tx, actor, cycle, d, today);
          for (const o of outcome.obligations) {
            await storeObligation(tx, {
              id: o.id,
              countyId,
              cycleId: cycle.id,
              decisionId: `${cycle.id}/${o.kind}/${o.payees[0]}`,
              kind: o.kind,
              payeeType: o.kind === 'subsidy' ? 'officer' : 'community',
              payeeId: o.kind === 'subsidy' ? o.payees[0]! : o.community,
              amountFen: toFen(o.amount),
              dueOn: o.due,
            });
          }
          for (const n of outcome.notices) await publishDraft(tx, notifier, cycle, withSanctions(n, outcome), nameOf, timeZone);
          await markCycleDecided(tx, actor, cycle, clock(), { decisions: outcome.decisions.length, gaps: input.gaps.length }, input.gaps as object[]);
        },
        { timeout: 600_000, maxWait: 30_000 },
      );
      return storedSummary(db, cycle, input.gaps);
    },
  };
}

/** Figures of a community with no officer bound at the period's end judge nobody: the bureau must bind one first. */
function refuseUnboundFigures(figures: Record<string, unknown>, offices: Office[], period: string) {
  const unbound = Object.keys(figures)
    .filter((id) => !offices.some((o) => o.id === id))
    .sort();
  if (unbound.length === 0) return;
  const end = cyclePeriodEnd(period);
  throw new PermanentFailure(
    'OfficeWithoutOfficer',
    `figures for ${period} were submitted for ${unbound.join(', ')}, but no officer is bound there on ${end}`,
    `bind an officer to ${unbound.join(', ')} effective on or before ${end} (POST /api/bindings), then start the cycle again (POST /api/cycles)`,
  );
}

/** The cycle a decision is stored under: its id, county and rule-set version. */
interface CycleRef {
  id: string;
  countyId: string;
  ruleSetVersionId: number;
}

async function storeEvaluations(tx: Tx, { id: cycleId, countyId }: CycleRef, outcome: PeriodOutcome) {
  for (const r of outcome.ranking) {
    const data = {
      score: r.score,
      rank: r.rank,
      isLast: r.isLast,
      lastStreak: outcome.consecutiveLast[r.community] ?? 0,
      breakdown: r.breakdown as unknown as object,
      missing: r.missing,
    };
    await tx.evaluation.upsert({
      where: { cycleId_communityId_revision: { cycleId, communityId: r.community, revision: 0 } },
      create: { countyId, cycleId, period: outcome.period, communityId: r.community, ...data },
      update: {},
    });
  }
}

/** A decision's row as first decided (revision 0), keyed `<cycle>/<kind>/<subject>`, in the cycle's county. */
export function decisionRow({ id: cycleId, countyId, ruleSetVersionId }: CycleRef, d: Decision) {
  const { slot, kind, subjectType, subjectId } = decisionSlot(d);
  return {
    id: `${cycleId}/${slot}`,
    countyId,
    subjectType,
    subjectId,
    cycleId,
    type: d.type,
    kind,
    officers: d.type === 'subsidy' ? [d.officer] : d.officers,
    rule: d.rule,
    reason: d.because,
    facts: recordedFacts(d) as object,
    amountFen: d.type === 'sanction' ? null : toFen(d.amount),
    ruleSetVersionId,
  };
}

async function storeDecision(tx: Tx, actor: AuditActor, cycle: CycleRef, d: Decision, today: string) {
  const row = decisionRow(cycle, d);
  if (!(await recordDecision(tx, actor, row))) return;
  // Only the bureau carries a reassignment out (POST /api/reassignments/{id}/confirm): until
  // then postings and bindings stay as they are, and the office shows as pending.
  if (d.type === 'sanction' && d.kind === 'rural-reassignment') {
    await proposeReassignment(tx, actor, {
      countyId: cycle.countyId,
      decisionId: row.id,
      cycleId: cycle.id,
      communityId: d.community,
      officers: d.officers,
      decidedOn: today,
    });
  }
}

/** A joint notice names the period and every measure taken against the office. */
export function withSanctions(n: NoticeDraft, outcome: PeriodOutcome): NoticeDraft {
  const kinds = outcome.decisions.filter((d) => d.type === 'sanction' && d.community === n.about).map((d) => (d as { kind: string }).kind);
  return { ...n, facts: { ...n.facts, period: outcome.period, kinds } };
}

export async function publishDraft(tx: Tx, notifier: Notifier, cycle: { id: string; countyId: string }, n: NoticeDraft, nameOf: NameOf, timeZone: string) {
  await notifier.publish(tx, {
    id: `${cycle.id}/${n.kind}/${n.about}`,
    countyId: cycle.countyId,
    cycleId: cycle.id,
    ...n,
    ...renderNotice(n, nameOf, timeZone),
  });
}

async function storedSummary(
  db: ActivityDeps['db'],
  { id: cycleId, countyId, period }: { id: string; countyId: string; period: string },
  gaps: MissingFigure[],
): Promise<CycleSummary> {
  const [evaluations, sanctions, notices, obligations] = await Promise.all([
    db.evaluation.findMany({ where: { cycleId, supersededAt: null }, select: { communityId: true } }),
    db.decision.count({ where: { cycleId, type: 'sanction', supersededAt: null } }),
    db.notice.count({ where: { cycleId, kind: { not: 'metrics-missing' } } }),
    db.paymentObligation.findMany({ where: { cycleId }, select: { amountFen: true, kind: true } }),
  ]);
  const offices = await officesOn(db, cyclePeriodEnd(period), countyId);
  const rankedIds = new Set(evaluations.map((e) => e.communityId));
  return {
    cycleId,
    period,
    ranked: evaluations.length,
    sanctions,
    notices,
    unranked: offices.map((o) => o.id).filter((id) => !rankedIds.has(id)),
    obligations: obligations.length,
    subsidyTotal: fromFen(obligations.filter((o) => o.kind === 'subsidy').reduce((s, o) => s + o.amountFen, 0)),
    gaps,
    followUps: await followUpsOf(db, cycleId),
  };
}

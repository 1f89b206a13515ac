// The activities of appealReview. Notices are published under natural keys (appeal id + what),
// and the re-decision is one transaction that marks the appeal re-decided: a retry, or a worker
// that died after the commit, finds it done and writes nothing twice.
import { decisionSlot, type FigureCorrection, type StandingOutcome } from '../core/appeal.js';
import { PermanentFailure } from '../core/failures.js';
import { fromFen, toFen } from '../core/money.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { bureauHead } from '../core/recipients.js';
import type { MetricKey, NoticeKind, Recipient } from '../core/types.js';
import type { FollowUp } from '../contracts/followUps.js';
import { redecidePeriod } from '../deciding/appeal.js';
import { appealFacts, type Appeal } from '../db/appeals.js';
import { audited, type Tx } from '../db/audit.js';
import { openedCycle } from '../db/cycles.js';
import type { Db } from '../db/client.js';
import { storeObligation } from '../db/obligations.js';
import { officesOn } from '../db/offices.js';
import { figuresOf, previousPeriodOf } from '../db/periodInputs.js';
import { proposeReassignment } from '../db/reassignments.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import {
  appealEscalationText,
  appealDecidedText,
  appealFiledText,
  appealReminderText,
  noticeWithdrawnText,
  paymentsFrozenText,
  type AppealOutcome,
} from '../notices/appealText.js';
import { localDay } from '../notices/dates.js';
import type { RenderedNotice } from '../notices/render.js';
import { decisionRow, publishDraft, withSanctions } from './decide.js';
import { reviseObligation } from './obligationRevision.js';
import type { ActivityDeps } from './deps.js';
import { cyclePeriod, cyclePeriodEnd } from './figures.js';
import { followUpsOf } from './followUps.js';
import { nameLookup } from './names.js';
import { publishOnce } from './publishOnce.js';
import { systemActor } from './actor.js';
import type { AuditActor } from '../db/audit.js';

// The bureau decides appeals: its one recipient is the head (局长), as for every notice the bureau answers for.
const bureau = bureauHead;
const finance: Recipient = { type: 'finance', id: 'finance' };

/** Whether the appeal still waits for the bureau, and the notice a step published, if any. */
export interface AppealStep {
  open: boolean;
  published?: string;
}

export interface AppealConclusion {
  status: string;
  /** The cycle whose obligations' verification workflows are woken. */
  cycleId: string;
  /** Notices to send on by every channel. */
  published: string[];
  /** Chases of joint notices the re-decision issued. */
  followUps: FollowUp[];
}

async function appealOrFail(db: Db | Tx, appealId: number): Promise<Appeal> {
  const row = await db.appeal.findUnique({ where: { id: appealId } });
  if (!row) throw new PermanentFailure('UnknownAppeal', `appeal ${appealId} does not exist`);
  return row;
}

const isOpen = (a: Appeal) => a.status === 'open';

export function appealActivities({ db, notifier, clock, timeZone = defaultTimeZone }: ActivityDeps) {
  const publish = (id: string, a: Appeal, kind: NoticeKind, recipients: Recipient[], text: RenderedNotice, facts: Record<string, unknown>) =>
    publishOnce({ db, notifier }, systemActor(a.countyId, 'appealReview'), {
      id,
      kind,
      countyId: a.countyId,
      cycleId: a.cycleId,
      about: `appeal/${a.id}`,
      recipients,
      facts,
      ...text,
    });

  return {
    /** Tells the bureau an appeal waits and finance which payments it holds. */
    async openAppeal({ appealId }: { appealId: number }): Promise<{ open: boolean; published: string[] }> {
      const a = await appealOrFail(db, appealId);
      const facts = await appealFacts(db, a);
      const published = [`appeal/${a.id}/filed`];
      await publish(published[0]!, a, 'appeal-filed', [bureau], appealFiledText(facts, await nameLookup(db, a.countyId)), { appealId });
      const held = await db.paymentObligation.count({ where: { cycleId: a.cycleId, status: { not: 'cancelled' } } });
      if (held > 0) {
        published.push(`appeal/${a.id}/payments-frozen`);
        await publish(published[1]!, a, 'appeal-payments-frozen', [finance], paymentsFrozenText(facts, held), { appealId, cycleId: a.cycleId, held });
      }
      return { open: isOpen(a), published };
    },

    async appealStillOpen({ appealId }: { appealId: number }): Promise<boolean> {
      return isOpen(await appealOrFail(db, appealId));
    },

    async remindAppeal({ appealId, round }: { appealId: number; round: number }): Promise<AppealStep> {
      const a = await appealOrFail(db, appealId);
      if (!isOpen(a)) return { open: false };
      const published = `appeal/${a.id}/reminder/${round}`;
      await publish(published, a, 'appeal-reminder', [bureau], appealReminderText(await appealFacts(db, a), round), { appealId, round });
      return { open: true, published };
    },

    async escalateAppeal({ appealId }: { appealId: number }): Promise<AppealStep> {
      const a = await appealOrFail(db, appealId);
      if (!isOpen(a)) return { open: false };
      const published = `appeal/${a.id}/escalation`;
      await publish(published, a, 'appeal-escalation', [bureauHead], appealEscalationText(await appealFacts(db, a)), { appealId, deadlineOn: a.deadlineOn });
      return { open: true, published };
    },

    /** Re-decides the appeal's period once, if it was overturned; returns the notices the re-decision published. */
    /** Re-decides once; `withdrawn` names the joint notices whose chase the workflow then ends. */
    async redecideAppeal({ appealId }: { appealId: number }): Promise<{ redecided: boolean; published: string[]; withdrawn: string[] }> {
      const a = await appealOrFail(db, appealId);
      if (a.status !== 'overturned') return { redecided: false, published: [], withdrawn: [] };
      const outcome = a.redecidedAt ? (a.outcome as unknown as StoredOutcome) : await redecide(db, notifier, timeZone, clock(), a);
      return { redecided: true, published: publishedBy(outcome), withdrawn: outcome.withdrawnNotices };
    },

    /** Tells the officer and finance the decision; payments of the cycle resume. */
    async concludeAppeal({ appealId }: { appealId: number }): Promise<AppealConclusion> {
      const a = await appealOrFail(db, appealId);
      const facts = await appealFacts(db, a);
      const id = `appeal/${a.id}/decided`;
      await publish(
        id,
        a,
        'appeal-decided',
        [{ type: 'officer', id: a.officerId }, finance],
        appealDecidedText(facts, a.outcome as unknown as AppealOutcome | null),
        { appealId, status: a.status },
      );
      const followUps = a.status === 'overturned' ? (await followUpsOf(db, a.cycleId)).filter((f) => f.workflowType === 'jointNoticeAcknowledgement') : [];
      return { status: a.status, cycleId: a.cycleId, published: [id], followUps };
    },
  };
}

/** The appeal's outcome as stored: the changes and the notices the re-decision published. */
type StoredOutcome = AppealOutcome & { published: string[] };
const publishedBy = (o: StoredOutcome | null) => o?.published ?? [];

async function standingOf(tx: Tx, cycleId: string): Promise<StandingOutcome> {
  const [evaluations, decisions, obligations, notices] = await Promise.all([
    tx.evaluation.findMany({ where: { cycleId, supersededAt: null } }),
    tx.decision.findMany({ where: { cycleId, supersededAt: null } }),
    tx.paymentObligation.findMany({ where: { cycleId, status: { not: 'cancelled' } } }),
    tx.notice.findMany({ where: { cycleId, kind: 'joint-notice', withdrawnAt: null }, select: { about: true } }),
  ]);
  return {
    evaluations: evaluations.map((e) => ({ community: e.communityId, score: e.score, rank: e.rank, isLast: e.isLast })),
    decisions: decisions.map((d) => ({ slot: `${d.kind}/${d.subjectId}`, amount: d.amountFen === null ? null : fromFen(d.amountFen), because: d.reason })),
    obligations: obligations.map((o) => ({ id: o.id, amount: fromFen(o.amountFen) })),
    jointNotices: notices.map((n) => n.about!),
  };
}

/** Every figure accepted on an overturned appeal of the cycle so far, this one last. */
async function correctionsFor(db: Db, a: Appeal): Promise<FigureCorrection[]> {
  const earlier = await db.appeal.findMany({
    where: { cycleId: a.cycleId, status: 'overturned', redecidedAt: { not: null }, acceptedMetric: { not: null } },
    orderBy: { id: 'asc' },
  });
  return [...earlier, a]
    .filter((x) => x.acceptedMetric !== null && x.acceptedValue !== null)
    .map((x) => ({ community: x.communityId, metric: x.acceptedMetric as MetricKey, value: x.acceptedValue! }));
}

async function redecide(db: Db, notifier: ActivityDeps['notifier'], timeZone: string, now: Date, a: Appeal): Promise<StoredOutcome> {
  const cycle = await openedCycle(db, a.cycleId);
  const rsv = cycle.ruleSetVersionId;
  // The re-decision is written in the appeal's county (its cycle's).
  const { countyId } = a;
  const actor: AuditActor = systemActor(countyId, 'appealReview');
  const cycleRef = { id: a.cycleId, countyId, ruleSetVersionId: rsv };
  const { ruleSet } = await ruleSetVersion(db, rsv);
  const period = cyclePeriod(cycle.period);
  const input = {
    period,
    offices: await officesOn(db, cyclePeriodEnd(cycle.period), countyId),
    figures: await figuresOf(db, cycle.period, countyId),
    previous: await previousPeriodOf(db, period, countyId),
  };
  const corrections = await correctionsFor(db, a);
  const nameOf = await nameLookup(db, countyId);
  const facts = await appealFacts(db, a);
  const why = `第${a.id}号申诉改判 / overturned on appeal ${a.id}: ${a.decisionReason}`;

  return db.$transaction(
    async (tx) => {
      const fresh = await appealOrFail(tx, a.id);
      if (fresh.redecidedAt) return fresh.outcome as unknown as StoredOutcome;
      const red = await redecidePeriod(input, ruleSet, corrections, await standingOf(tx, a.cycleId));
      const stamp = { supersededByAppeal: a.id, supersededAt: now, supersededReason: why };
      const out: StoredOutcome = { evaluations: [], decisions: [], obligations: [], withdrawnNotices: [], newNotices: [], published: [] };

      for (const e of red.evaluations) {
        const old = await tx.evaluation.findFirstOrThrow({ where: { cycleId: a.cycleId, communityId: e.community, supersededAt: null } });
        const r = red.outcome.ranking.find((x) => x.community === e.community)!;
        const row = await tx.evaluation.create({
          data: {
            countyId,
            cycleId: a.cycleId,
            period: old.period,
            communityId: e.community,
            score: r.score,
            rank: r.rank,
            isLast: r.isLast,
            lastStreak: red.outcome.consecutiveLast[e.community] ?? 0,
            breakdown: r.breakdown as unknown as object,
            missing: r.missing,
            revision: old.revision + 1,
            appealId: a.id,
          },
        });
        await tx.evaluation.update({ where: { id: old.id }, data: { supersededBy: row.id, ...stamp } });
        await audited(tx, actor, {
          action: 'supersede',
          entity: 'Evaluation',
          entityId: String(old.id),
          before: { score: old.score, rank: old.rank },
          after: { supersededBy: row.id, score: row.score, rank: row.rank, appealId: a.id },
        });
        out.evaluations.push({ community: e.community, before: e.before, after: e.after });
      }

      const newIds = new Map<string, string>();
      for (const d of red.decisions) {
        const [kind, subjectId] = [d.slot.slice(0, d.slot.lastIndexOf('/')), d.slot.slice(d.slot.lastIndexOf('/') + 1)];
        const old = d.before ? await tx.decision.findFirstOrThrow({ where: { cycleId: a.cycleId, kind, subjectId, supersededAt: null } }) : null;
        let created: { id: string; amountFen: number | null } | null = null;
        if (d.after) {
          const revision = old ? old.revision + 1 : await tx.decision.count({ where: { cycleId: a.cycleId, kind, subjectId } });
          const data = { ...decisionRow(cycleRef, d.after), id: `${a.cycleId}/${decisionSlot(d.after).slot}/appeal-${a.id}`, revision, appealId: a.id };
          created = await tx.decision.create({ data });
          newIds.set(d.slot, data.id);
          await audited(tx, actor, { action: 'create', entity: 'Decision', entityId: data.id, after: data });
          // A reassignment the re-decision arrives at waits for the bureau like any other; one that
          // falls away can no longer be confirmed (its decision is superseded).
          if (d.after.type === 'sanction' && d.after.kind === 'rural-reassignment') {
            await proposeReassignment(tx, actor, {
              countyId,
              decisionId: data.id,
              cycleId: a.cycleId,
              communityId: d.after.community,
              officers: d.after.officers,
              decidedOn: localDay(now, timeZone),
            });
          }
        }
        if (old) {
          await tx.decision.update({ where: { id: old.id }, data: { supersededBy: created?.id ?? null, ...stamp } });
          await audited(tx, actor, {
            action: 'supersede',
            entity: 'Decision',
            entityId: old.id,
            before: { amountFen: old.amountFen, reason: old.reason },
            after: { supersededBy: created?.id ?? null, appealId: a.id, reason: why },
          });
        }
        const amount = (x: { amountFen: number | null }) => (x.amountFen === null ? null : fromFen(x.amountFen));
        out.decisions.push({ slot: d.slot, before: old && { id: old.id, amount: amount(old) }, after: created && { id: created.id, amount: amount(created) } });
      }

      for (const o of red.obligations) {
        const decision = red.outcome.decisions.find((d) => d.type !== 'sanction' && d.obligation === o.id);
        const decisionId = decision ? (newIds.get(decisionSlot(decision).slot) ?? null) : null;
        if (o.before === null) {
          const due = red.outcome.obligations.find((x) => x.id === o.id)!;
          await storeObligation(tx, {
            id: o.id,
            countyId,
            cycleId: a.cycleId,
            decisionId: decisionId!,
            kind: due.kind,
            payeeType: 'officer',
            payeeId: due.payees[0]!,
            amountFen: toFen(o.after!),
            dueOn: due.due,
          });
          await audited(tx, actor, { action: 'create', entity: 'PaymentObligation', entityId: o.id, after: { amount: o.after, appealId: a.id } });
        } else {
          out.published.push(
            await reviseObligation(tx, notifier, actor, {
              obligationId: o.id,
              amountFen: o.after === null ? null : toFen(o.after),
              decisionId,
              appealId: a.id,
              reason: why,
            }),
          );
        }
        out.obligations.push(o);
      }

      for (const community of red.withdrawnNotices) {
        const noticeId = `${a.cycleId}/joint-notice/${community}`;
        const notice = await tx.notice.update({ where: { id: noticeId }, data: { withdrawnAt: now, withdrawnReason: why }, include: { recipients: true } });
        await audited(tx, actor, { action: 'withdraw', entity: 'Notice', entityId: noticeId, after: { withdrawnAt: now, appealId: a.id, reason: why } });
        const id = `${noticeId}/withdrawn`;
        await notifier.publish(tx, {
          id,
          countyId,
          kind: 'notice-withdrawn',
          cycleId: a.cycleId,
          about: noticeId,
          facts: { noticeId, appealId: a.id },
          recipients: notice.recipients.map((r) => ({ type: r.recipientType as Recipient['type'], id: r.recipientId })),
          ...noticeWithdrawnText(notice.titleZh, facts),
        });
        out.withdrawnNotices.push(noticeId);
        out.published.push(id);
      }
      for (const n of red.outcome.notices.filter((x) => red.newNotices.includes(x.about))) {
        await publishDraft(tx, notifier, cycleRef, withSanctions(n, red.outcome), nameOf, timeZone);
        out.newNotices.push(`${a.cycleId}/${n.kind}/${n.about}`);
        out.published.push(`${a.cycleId}/${n.kind}/${n.about}`);
      }

      await tx.appeal.update({ where: { id: a.id }, data: { redecidedAt: now, outcome: out as unknown as object } });
      await audited(tx, actor, {
        action: 'redecide',
        entity: 'Appeal',
        entityId: String(a.id),
        before: { redecidedAt: null },
        after: { redecidedAt: now, changes: out },
      });
      return out;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
}

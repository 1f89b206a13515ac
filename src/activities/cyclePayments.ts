// The cycle's verification workflow looks at its obligations a page at a time: those never looked
// at, those whose next look is due, those a signal named (or all, after an appeal changed). Each
// look is the pure step of core/verificationStep.ts, carried out by the payment activities' own
// writes (each under a natural key, so a retried page writes nothing twice) and its state stored
// on the obligation's row.
import { isFinal, obligationStatuses } from '../core/obligationStatus.js';
import type { PaymentTiming } from '../core/settlement.js';
import { verificationStep, type VerificationRecord } from '../core/verificationStep.js';
import { paymentOverdueNoticeId, paymentReminderNoticeId } from '../contracts/payments.js';
import { giveTheLoopATurn } from '../db/loopTurn.js';
import type { ActivityDeps } from './deps.js';
import { paymentActivities } from './payments.js';

const finalStatuses = obligationStatuses.filter(isFinal);

export interface CyclePaymentsPage {
  cycleId: string;
  timing: PaymentTiming;
  /** The workflow's now, epoch ms: what is due, and the instant every step is taken at. */
  now: number;
  /** Obligations a signal named since the last look. */
  named: string[];
  /** Every open obligation, not only the due and the named (an appeal changed). */
  all: boolean;
  /** Obligation id after which this page starts. */
  after?: string;
  limit: number;
}

export interface CyclePaymentsLooked {
  /** Notices the page's steps published, for the workflow to send on beyond the inbox. */
  published: string[];
  beyondInbox: boolean;
  /** Set when the page was full: the next page starts after it. */
  after?: string;
  /** After the last page: obligations neither closed nor cancelled, and the earliest next look of any (epoch ms). */
  open?: number;
  nextLookAt?: number;
}

/** A step refused because the obligation moved meanwhile is taken again on fresh records, this many times at most. */
const attempts = 5;

type Row = { id: string; dueOn: string } & Record<'remindedAt' | 'nextEscalationAt' | 'fullSince' | 'settledAt', Date | null> & { escalations: number };

const epoch = (d: Date | null) => d?.getTime();
const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));
const recordOf = (r: Row): VerificationRecord => ({
  remindedAt: epoch(r.remindedAt),
  nextEscalationAt: epoch(r.nextEscalationAt),
  escalations: r.escalations,
  fullSince: epoch(r.fullSince),
  settledAt: epoch(r.settledAt),
});
const stateColumns = { id: true, dueOn: true, remindedAt: true, nextEscalationAt: true, escalations: true, fullSince: true, settledAt: true } as const;

export function cyclePaymentActivities(deps: ActivityDeps) {
  const { db, channels = [] } = deps;
  const payments = paymentActivities(deps);

  /** Looks at one obligation until its step holds; returns the notices published. */
  async function look(first: Row, input: CyclePaymentsPage): Promise<string[]> {
    const { now, timing } = input;
    const published: string[] = [];
    let row = first;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const facts = await payments.reviewObligation({ obligationId: row.id });
      published.push(...facts.published);
      const step = verificationStep({ facts, frozen: facts.frozenBy.length > 0, dueOn: row.dueOn, timing, state: recordOf(row), now });
      const { action } = step;
      let held = true;
      if (action.kind === 'remind') {
        await payments.remindFinance({ obligationId: row.id });
        published.push(paymentReminderNoticeId(row.id));
      } else if (action.kind === 'escalate') {
        if (await payments.escalateOverdue({ obligationId: row.id, asOf: action.asOf })) published.push(paymentOverdueNoticeId(row.id, action.asOf));
      } else if (action.kind === 'settle') {
        held = await payments.settleObligation({ obligationId: row.id, at: now });
      } else if (action.kind === 'close') {
        held = await payments.closeObligation({ obligationId: row.id });
      }
      if (held) {
        const { remindedAt, nextEscalationAt, escalations, fullSince } = step.state;
        await db.paymentObligation.update({
          where: { id: row.id },
          data: {
            remindedAt: date(remindedAt),
            nextEscalationAt: date(nextEscalationAt),
            escalations,
            fullSince: date(fullSince),
            lookedAt: new Date(now),
            nextLookAt: date(step.nextLookAt),
          },
        });
        return published;
      }
      // A dispute, a correction or a payment came in after the review: look again on fresh records.
      row = await db.paymentObligation.findUniqueOrThrow({ where: { id: row.id }, select: stateColumns });
    }
    throw new Error(`obligation ${first.id} kept moving during ${attempts} looks; the page is retried`);
  }

  return {
    async verifyCyclePayments(input: CyclePaymentsPage): Promise<CyclePaymentsLooked> {
      const { cycleId, now, named, all, after, limit } = input;
      const open = { cycleId, status: { notIn: finalStatuses } };
      const due = all ? {} : { OR: [{ lookedAt: null }, { nextLookAt: { lte: new Date(now) } }, ...(named.length ? [{ id: { in: named } }] : [])] };
      const rows = await db.paymentObligation.findMany({
        where: { ...open, ...due, ...(after === undefined ? {} : { id: { gt: after } }) },
        orderBy: { id: 'asc' },
        take: limit,
        select: stateColumns,
      });
      const published: string[] = [];
      for (const row of rows) {
        published.push(...(await look(row, input)));
        await giveTheLoopATurn();
      }
      const beyondInbox = channels.length > 0;
      if (rows.length === limit) return { published, beyondInbox, after: rows.at(-1)!.id };
      const left = await db.paymentObligation.aggregate({ where: open, _count: true, _min: { nextLookAt: true } });
      return { published, beyondInbox, open: left._count, nextLookAt: epoch(left._min.nextLookAt) };
    },
  };
}

// Activities of the payment verification workflow. Each writes under natural keys (notice ids
// built from the obligation, the payment reference, the dispute id or the as-of date) in one
// transaction, so a retry after a worker died mid-way writes nothing twice.
import { PermanentFailure } from '../core/failures.js';
import { findOverdue, overdueNotices } from '../core/payments.js';
import type { ObligationStatus } from '../core/obligationStatus.js';
import type { ObligationFacts } from '../core/settlement.js';
import { bureauHead } from '../core/recipients.js';
import type { Recipient } from '../core/types.js';
import { appealsFreezing } from '../db/appeals.js';
import type { Tx } from '../db/audit.js';
import { coreObligation, obligationFacts, payeesOf } from '../db/obligations.js';
import { transitionObligation } from '../db/obligationTransitions.js';
import { publishPaymentNotice } from '../notices/paymentText.js';
import { paymentOverdueNoticeId, paymentReminderNoticeId } from '../contracts/payments.js';
import type { ActivityDeps } from './deps.js';
import { fromFen } from '../core/money.js';
import { systemActor } from './actor.js';

const financeAndBureau: Recipient[] = [{ type: 'finance', id: 'finance' }, bureauHead];

export function paymentActivities({ db, notifier, clock, channels = [] }: ActivityDeps) {
  async function obligationOrFail(tx: Tx, obligationId: string) {
    const row = await tx.paymentObligation.findUnique({ where: { id: obligationId } });
    if (!row) throw new PermanentFailure('UnknownObligation', `obligation ${obligationId} does not exist`);
    return row;
  }

  async function moneyFacts(tx: Tx, obligationId: string) {
    const f = (await obligationFacts(tx, obligationId))!;
    return { obligation: obligationId, due: (await obligationOrFail(tx, obligationId)).dueOn, amount: fromFen(f.owedFen), paid: fromFen(f.paidFen) };
  }

  return {
    /**
     * Tells the payee about payments not yet reported and finance and the bureau about new
     * disputes; returns the records' facts, the ids of the notices this call published, and
     * whether notices go on beyond the inbox (a channel is configured), which spares the
     * workflow asking before each delivery it would start.
     */
    async reviewObligation({
      obligationId,
    }: {
      obligationId: string;
    }): Promise<ObligationFacts & { published: string[]; frozenBy: number[]; beyondInbox: boolean }> {
      return db.$transaction(async (tx) => {
        const row = await obligationOrFail(tx, obligationId);
        const unreported = await tx.obligationPayment.findMany({ where: { obligationId, reportedAt: null }, orderBy: { id: 'asc' } });
        const unresolved = await tx.paymentDispute.findMany({ where: { obligationId, resolvedAt: null } });
        // Most looks find nothing new to tell: the payees and the money facts only when there is.
        const told = unreported.length + unresolved.length > 0;
        const payees = told ? (await payeesOf(tx, row)).map((id): Recipient => ({ type: 'officer', id })) : [];
        const base = told ? await moneyFacts(tx, obligationId) : undefined;
        const published: string[] = [];
        for (const p of unreported) {
          const id = `${obligationId}/payment-recorded/${p.reference}`;
          await publishPaymentNotice(tx, notifier, {
            id,
            countyId: row.countyId,
            kind: 'payment-recorded',
            recipients: payees,
            facts: { ...base!, payment: fromFen(p.amountFen), reference: p.reference, paidOn: p.paidOn },
          });
          await tx.obligationPayment.update({ where: { id: p.id }, data: { reportedAt: clock() } });
          published.push(id);
        }
        for (const d of unresolved) {
          const id = `${obligationId}/payment-disputed/${d.id}`;
          if (await tx.notice.findUnique({ where: { id }, select: { id: true } })) continue;
          await publishPaymentNotice(tx, notifier, {
            id,
            countyId: row.countyId,
            kind: 'payment-disputed',
            recipients: financeAndBureau,
            facts: { ...base!, reason: d.reason, note: d.note },
          });
          published.push(id);
        }
        const frozenBy = await appealsFreezing(tx, row.cycleId);
        return { ...(await obligationFacts(tx, obligationId))!, published, frozenBy, beyondInbox: channels.length > 0 };
      });
    },

    async remindFinance({ obligationId }: { obligationId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const { countyId } = await obligationOrFail(tx, obligationId);
        await publishPaymentNotice(tx, notifier, {
          id: paymentReminderNoticeId(obligationId),
          countyId,
          kind: 'payment-reminder',
          recipients: [{ type: 'finance', id: 'finance' }],
          facts: await moneyFacts(tx, obligationId),
        });
      });
    },

    /** The pure core judges overdue as simulate does; nothing is sent if the obligation was paid meanwhile. */
    async escalateOverdue({ obligationId, asOf }: { obligationId: string; asOf: string }): Promise<boolean> {
      return db.$transaction(async (tx) => {
        const core = await coreObligation(tx, obligationId);
        if (!core) return false;
        const [notice] = overdueNotices(findOverdue([core.obligation], core.payments, asOf), asOf);
        if (!notice) return false;
        const f = notice.facts as { due: string; amount: number; paid: number };
        const { countyId } = await obligationOrFail(tx, obligationId);
        await publishPaymentNotice(tx, notifier, {
          id: paymentOverdueNoticeId(obligationId, asOf),
          countyId,
          kind: 'payment-overdue',
          recipients: notice.recipients,
          facts: { obligation: obligationId, ...f, asOf },
        });
        return true;
      });
    },

    /**
     * Settles what the workflow judged settled, if it still is `paid` with nothing disputed, as of
     * `at` (epoch ms; the activity's clock when absent); false when the obligation has moved on
     * since the workflow read it, which then reviews it again.
     */
    async settleObligation({ obligationId, at }: { obligationId: string; at?: number }): Promise<boolean> {
      return move(obligationId, 'paid', 'settled', 'settle', at);
    },

    /** Closes a settled obligation; false when a dispute (or anything else) has moved it on. */
    async closeObligation({ obligationId }: { obligationId: string }): Promise<boolean> {
      return move(obligationId, 'settled', 'closed', 'close');
    },
  };

  // Already at `to` counts as done: a retry after the worker died between commit and report.
  // `at`: the workflow's now, so that the dispute window it waits out runs from the settledAt stored.
  async function move(obligationId: string, from: ObligationStatus, to: ObligationStatus, action: string, at?: number): Promise<boolean> {
    return db.$transaction(async (tx) => {
      const { countyId } = await obligationOrFail(tx, obligationId);
      const actor = systemActor(countyId, 'paymentVerification');
      const r = await transitionObligation(tx, obligationId, { from, to, by: 'workflow', actor, action, at: at === undefined ? clock() : new Date(at) });
      return r.moved || r.status === to;
    });
  }
}

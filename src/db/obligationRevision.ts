// How an appeal's re-decision corrects an obligation: the amount changes (or the obligation is
// cancelled where the subsidy falls away), with an audit row and a correction notice to the
// payee, in the caller's transaction. Every status write goes through setObligationStatus, the
// one function to switch to the guarded transition table of the payment ledger.
import type { Notifier } from '../notices/notifier.js';
import { publishPaymentNotice } from '../notices/paymentText.js';
import { audited, type Tx } from './audit.js';
import { obligationFacts, openStatus, payeesOf } from './obligations.js';

/** Compare-and-set on the status the caller read: a row that moved meanwhile is not written over. */
export async function setObligationStatus(tx: Tx, obligationId: string, from: string, to: string): Promise<void> {
  if (from === to) return;
  const { count } = await tx.paymentObligation.updateMany({ where: { id: obligationId, status: from }, data: { status: to } });
  if (count !== 1) throw new Error(`obligation ${obligationId} is no longer ${from}; not set to ${to}`);
}

export const appealCorrectionNoticeId = (obligationId: string, appealId: number) => `${obligationId}/payment-corrected/appeal-${appealId}`;

export interface ObligationRevision { obligationId: string; amountFen: number | null; decisionId: string | null; appealId: number; reason: string }

/** Sets the new amount (null: cancelled) and the decision it now follows; returns the notice published. */
export async function reviseObligation(tx: Tx, notifier: Notifier, actor: string, r: ObligationRevision): Promise<string> {
  const row = await tx.paymentObligation.findUniqueOrThrow({ where: { id: r.obligationId } });
  const facts = (await obligationFacts(tx, r.obligationId))!;
  const cancel = r.amountFen === null;
  const after = cancel
    ? { status: 'cancelled' }
    : { amountFen: r.amountFen!, settledAt: null, status: openStatus({ ...facts, owedFen: r.amountFen! }) };
  await tx.paymentObligation.update({ where: { id: r.obligationId }, data: { ...(cancel ? {} : { amountFen: r.amountFen!, settledAt: null }), ...(r.decisionId ? { decisionId: r.decisionId } : {}) } });
  await setObligationStatus(tx, r.obligationId, row.status, after.status);
  await audited(tx, actor, {
    action: cancel ? 'correct-cancel' : 'correct-change', entity: 'PaymentObligation', entityId: r.obligationId,
    before: { amountFen: row.amountFen, status: row.status, decisionId: row.decisionId },
    after: { ...after, decisionId: r.decisionId ?? row.decisionId, appealId: r.appealId, reason: r.reason },
  });
  const id = appealCorrectionNoticeId(r.obligationId, r.appealId);
  await publishPaymentNotice(tx, notifier, {
    id, kind: 'payment-corrected', recipients: (await payeesOf(tx, row)).map((o) => ({ type: 'officer' as const, id: o })),
    facts: {
      obligation: r.obligationId, due: row.dueOn, amount: row.amountFen / 100, paid: facts.paidFen / 100,
      action: cancel ? 'cancel' : 'change', newAmount: cancel ? undefined : r.amountFen! / 100, reason: r.reason, appealId: r.appealId,
    },
  });
  return id;
}

// How an appeal's re-decision corrects an obligation: the amount changes, or the obligation is
// cancelled where its decision falls away, with an audit row and a correction notice to the
// payee, in the caller's transaction. The status follows through transitionObligation, as the
// appeal party of the table in core/obligationStatus.ts.
import { fromFen } from '../core/money.js';
import { paidInFull } from '../core/settlement.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { obligationFacts, openStatus, payeesOf } from '../db/obligations.js';
import { transitionObligation } from '../db/obligationTransitions.js';
import type { Notifier } from '../notices/notifier.js';
import { publishPaymentNotice } from '../notices/paymentText.js';

export const appealCorrectionNoticeId = (obligationId: string, appealId: number) => `${obligationId}/payment-corrected/appeal-${appealId}`;

export interface ObligationRevision {
  obligationId: string;
  amountFen: number | null;
  decisionId: string | null;
  appealId: number;
  reason: string;
}

/**
 * Sets the new amount and the decision it now follows; returns the notice published. Where the
 * decision falls away (amountFen null) an obligation nothing was paid on is cancelled, answering
 * its open disputes; what was already paid is not clawed back: the amount becomes what was paid.
 */
export async function reviseObligation(tx: Tx, notifier: Notifier, actor: AuditActor | string, r: ObligationRevision): Promise<string> {
  const row = await tx.paymentObligation.findUniqueOrThrow({ where: { id: r.obligationId } });
  const before = (await obligationFacts(tx, r.obligationId))!;
  const cancel = r.amountFen === null && before.paidFen === 0;
  const amountFen = r.amountFen ?? before.paidFen;
  if (cancel) await tx.paymentDispute.updateMany({ where: { obligationId: r.obligationId, resolvedAt: null }, data: { resolvedAt: new Date() } });
  await tx.paymentObligation.update({
    where: { id: r.obligationId },
    data: { ...(cancel ? {} : { amountFen }), ...(r.decisionId ? { decisionId: r.decisionId } : {}) },
  });
  const facts = (await obligationFacts(tx, r.obligationId))!;
  // A settlement the new amount still covers stands, as after finance's corrections.
  const to = cancel ? 'cancelled' : row.status === 'settled' && facts.openDisputes === 0 && paidInFull(facts) ? 'settled' : openStatus(facts);
  if (to !== row.status) {
    const moved = await transitionObligation(tx, r.obligationId, { from: row.status, to, by: 'appeal', actor, action: 'status' });
    if (!moved.moved) throw new Error(moved.reason);
  }
  await audited(tx, actor, {
    action: cancel ? 'correct-cancel' : 'correct-change',
    entity: 'PaymentObligation',
    entityId: r.obligationId,
    before: { amountFen: row.amountFen, status: row.status, decisionId: row.decisionId },
    after: { amountFen: cancel ? row.amountFen : amountFen, status: to, decisionId: r.decisionId ?? row.decisionId, appealId: r.appealId, reason: r.reason },
  });
  const id = appealCorrectionNoticeId(r.obligationId, r.appealId);
  await publishPaymentNotice(tx, notifier, {
    id,
    countyId: row.countyId,
    kind: 'payment-corrected',
    recipients: (await payeesOf(tx, row)).map((o) => ({ type: 'officer' as const, id: o })),
    facts: {
      obligation: r.obligationId,
      due: row.dueOn,
      amount: fromFen(row.amountFen),
      paid: fromFen(before.paidFen),
      action: cancel ? 'cancel' : 'change',
      newAmount: cancel ? undefined : fromFen(amountFen),
      reason: r.reason,
      appealId: r.appealId,
    },
  });
  return id;
}

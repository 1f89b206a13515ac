// One payment obligation: stored once by the cycle that decided it, read by the verification
// activities and the payment API.
import type { Obligation, Payment } from '../core/types.js';
import type { ObligationStatus } from '../core/obligationStatus.js';
import type { ObligationFacts } from '../core/settlement.js';
import type { Prisma } from '../generated/sqlite/index.js';
import type { Tx } from './audit.js';
import { fromFen } from '../core/money.js';

/** Stores an obligation under its natural id; a retry leaves the stored one as it is. */
export async function storeObligation(tx: Tx, row: Prisma.PaymentObligationUncheckedCreateInput) {
  await tx.paymentObligation.upsert({ where: { id: row.id }, create: row, update: {} });
}

export async function obligationFacts(tx: Tx, obligationId: string): Promise<ObligationFacts | null> {
  const row = await tx.paymentObligation.findUnique({ where: { id: obligationId } });
  if (!row) return null;
  const [paid, openDisputes] = await Promise.all([
    tx.obligationPayment.aggregate({ where: { obligationId }, _sum: { amountFen: true } }),
    tx.paymentDispute.count({ where: { obligationId, resolvedAt: null } }),
  ]);
  return { status: row.status, owedFen: row.amountFen, paidFen: paid._sum.amountFen ?? 0, confirmedFen: row.confirmedFen, openDisputes };
}

/** The status the records imply while the workflow has not settled, closed or cancelled the obligation. */
export function openStatus(f: Pick<ObligationFacts, 'owedFen' | 'paidFen' | 'openDisputes'>): ObligationStatus {
  if (f.openDisputes > 0) return 'disputed';
  return f.paidFen >= f.owedFen ? 'paid' : 'open';
}

/** Who receives the money: the officer, or every officer of a rewarded office. */
export async function payeesOf(tx: Tx, o: { payeeType: string; payeeId: string; decisionId: string }): Promise<string[]> {
  if (o.payeeType === 'officer') return [o.payeeId];
  const decision = await tx.decision.findUnique({ where: { id: o.decisionId } });
  return decision ? (decision.officers as string[]) : [];
}

/** One obligation and its payments in the pure core's shapes, for findOverdue. */
export async function coreObligation(tx: Tx, obligationId: string): Promise<{ obligation: Obligation; payments: Payment[] } | null> {
  const row = await tx.paymentObligation.findUnique({ where: { id: obligationId } });
  if (!row) return null;
  const payments = await tx.obligationPayment.findMany({ where: { obligationId } });
  return {
    obligation: {
      id: row.id,
      kind: row.kind as Obligation['kind'],
      payees: await payeesOf(tx, row),
      community: row.payeeType === 'community' ? row.payeeId : '',
      amount: fromFen(row.amountFen),
      due: row.dueOn,
    },
    payments: payments.map((p) => ({ obligation: p.obligationId, amount: fromFen(p.amountFen), paidOn: p.paidOn })),
  };
}

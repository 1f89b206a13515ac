import { bureauHead } from './recipients.js';
import type { NoticeDraft, Obligation, OverdueObligation, Payment } from './types.js';
import { fromFen, toFen } from './money.js';

/**
 * Obligations due strictly before `asOf` and paid less than their amount by `asOf`. Payments dated
 * after `asOf` had not happened yet on that day, so they do not count. Sums are compared in whole
 * fen so that 0.1 + 0.2 yuan equals 0.3 yuan.
 */
export function findOverdue(obligations: readonly Obligation[], payments: readonly Payment[], asOf: string): OverdueObligation[] {
  const paidFen = new Map<string, number>();
  for (const p of payments) {
    if (p.paidOn <= asOf) paidFen.set(p.obligation, (paidFen.get(p.obligation) ?? 0) + toFen(p.amount));
  }
  return obligations.flatMap((o) => {
    const paid = paidFen.get(o.id) ?? 0;
    if (!(o.due < asOf) || paid >= toFen(o.amount)) return [];
    return [{ obligation: o.id, due: o.due, amount: o.amount, paid: fromFen(paid), community: o.community, payees: [...o.payees] }];
  });
}

/** One payment-overdue notice per overdue obligation: finance pays, the bureau head answers for it. */
export function overdueNotices(overdue: readonly OverdueObligation[], asOf: string): NoticeDraft[] {
  return overdue.map((o) => ({
    kind: 'payment-overdue',
    about: o.obligation,
    recipients: [{ type: 'finance', id: 'finance' }, bureauHead, ...o.payees.map((id) => ({ type: 'officer' as const, id }))],
    facts: { asOf, due: o.due, amount: o.amount, paid: o.paid, community: o.community },
  }));
}

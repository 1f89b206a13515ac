// Where every decided yuan stands: per payee and in total, in fen so that sums are exact.
// Overdue is judged by findOverdue, the rule simulate uses.
import { findOverdue } from './payments.js';
import type { Obligation, Payment } from './types.js';
import { toFen } from './money.js';

export interface ObligationStanding {
  obligation: Obligation;
  payeeType: string;
  payeeId: string;
  status: string;
  confirmedFen: number;
  disputed: boolean;
}

export interface Amounts {
  decided: number;
  paid: number;
  confirmed: number;
  unconfirmed: number;
  outstanding: number;
  overdue: number;
  disputed: number;
  cancelled: number;
}

export interface ReconciliationRow extends Amounts {
  payeeType: string;
  payeeId: string;
  obligations: number;
}

export interface Reconciliation {
  asOf: string;
  rows: ReconciliationRow[];
  total: Amounts & { obligations: number };
  /** decided = paid + outstanding and paid = confirmed + unconfirmed, in every row and the total. */
  balanced: boolean;
}

const zero = (): Amounts => ({ decided: 0, paid: 0, confirmed: 0, unconfirmed: 0, outstanding: 0, overdue: 0, disputed: 0, cancelled: 0 });
const keys = Object.keys(zero()) as (keyof Amounts)[];

function add(into: Amounts, a: Amounts) {
  for (const k of keys) into[k] += a[k];
}

/** Amounts of one obligation in fen. A cancelled obligation counts only as cancelled. */
function amountsOf(s: ObligationStanding, paidFen: number, overdue: boolean): Amounts {
  const a = zero();
  const owed = toFen(s.obligation.amount);
  if (s.status === 'cancelled') return { ...a, cancelled: owed };
  const confirmed = Math.min(s.confirmedFen, paidFen);
  return {
    ...a,
    decided: owed,
    paid: paidFen,
    confirmed,
    unconfirmed: paidFen - confirmed,
    outstanding: owed - paidFen,
    overdue: overdue ? owed - paidFen : 0,
    disputed: s.disputed ? owed : 0,
  };
}

const balances = (a: Amounts) => a.decided === a.paid + a.outstanding && a.paid === a.confirmed + a.unconfirmed;

export function reconcile(standings: readonly ObligationStanding[], payments: readonly Payment[], asOf: string): Reconciliation {
  const counted = payments.filter((p) => p.paidOn <= asOf);
  const overdue = new Set(
    findOverdue(
      standings.filter((s) => s.status !== 'cancelled').map((s) => s.obligation),
      counted,
      asOf,
    ).map((o) => o.obligation),
  );
  const paid = new Map<string, number>();
  for (const p of counted) paid.set(p.obligation, (paid.get(p.obligation) ?? 0) + toFen(p.amount));

  const rows = new Map<string, ReconciliationRow>();
  for (const s of standings) {
    const key = `${s.payeeType}/${s.payeeId}`;
    const row = rows.get(key) ?? { payeeType: s.payeeType, payeeId: s.payeeId, obligations: 0, ...zero() };
    add(row, amountsOf(s, paid.get(s.obligation.id) ?? 0, overdue.has(s.obligation.id)));
    row.obligations += 1;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.payeeType.localeCompare(b.payeeType) || a.payeeId.localeCompare(b.payeeId));
  const total = { obligations: 0, ...zero() };
  for (const r of sorted) {
    add(total, r);
    total.obligations += r.obligations;
  }
  return { asOf, rows: sorted, total, balanced: balances(total) && sorted.every(balances) };
}

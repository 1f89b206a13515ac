// When a payment obligation is settled: one rule, used by the verification workflow (which
// imports it, so it stays free of I/O) and by reconciliation.
import { dayMs, daysMs } from './time.js';

export interface PaymentTiming {
  /** Finance is reminded this many days before the due date. */
  remindDaysBefore: number;
  /** Overdue notices repeat this often until the obligation is paid. */
  escalateEveryDays: number;
  /** Paid in full and no dispute for this long counts as received, even without a confirmation. */
  settleAfterDays: number;
  /** A settled obligation still accepts disputes this long before it closes for good. */
  disputeWindowDays: number;
}

/** What the records say about one obligation, in fen. */
export interface ObligationFacts {
  status: string;
  owedFen: number;
  paidFen: number;
  confirmedFen: number;
  openDisputes: number;
}

export const paidInFull = (f: Pick<ObligationFacts, 'owedFen' | 'paidFen'>) => f.paidFen >= f.owedFen;

/** Paid in full, undisputed, and either confirmed by the payee or unchallenged since `fullSince + settleAfterDays`. */
export function isSettled(f: ObligationFacts, timing: PaymentTiming, fullSince: number | undefined, now: number): boolean {
  if (!paidInFull(f) || f.openDisputes > 0) return false;
  if (f.confirmedFen >= f.owedFen) return true;
  return fullSince !== undefined && now >= fullSince + daysMs(timing.settleAfterDays);
}

/** The instant an obligation becomes overdue: the end of its due day (UTC), as findOverdue judges it. */
export const overdueFrom = (dueOn: string) => Date.parse(`${dueOn}T00:00:00Z`) + dayMs;

export const reminderAt = (dueOn: string, timing: PaymentTiming) => Date.parse(`${dueOn}T00:00:00Z`) - daysMs(timing.remindDaysBefore);

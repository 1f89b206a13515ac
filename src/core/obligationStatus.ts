// The life of a payment obligation, written down once. Every status change the code makes is one
// row of this table, checked by transitionObligation (src/db/obligationTransitions.ts) against
// the records in the same transaction as the write; the table in docs/payments.md is this one in words.
import { paidInFull, type ObligationFacts } from './settlement.js';

export const obligationStatuses = ['open', 'paid', 'disputed', 'settled', 'closed', 'cancelled'] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

/**
 * Who causes a change: the paymentVerification workflow, finance (payments and corrections), the
 * payee (receipts and disputes) or an appeal (申诉) whose re-decision corrects the amount.
 */
export const obligationParties = ['workflow', 'finance', 'payee', 'appeal'] as const;
export type ObligationParty = (typeof obligationParties)[number];

/** The records a transition is judged on, as they stand once the change is written. */
export type ObligationRecords = Pick<ObligationFacts, 'owedFen' | 'paidFen' | 'openDisputes'>;

export interface ObligationTransition {
  from: ObligationStatus;
  to: ObligationStatus;
  by: readonly ObligationParty[];
  /** When it happens, in words (docs/payments.md and refusals). */
  when: string;
  /** What the records must show for the change to be allowed. */
  holds: (r: ObligationRecords) => boolean;
}

const undisputed = (r: ObligationRecords) => r.openDisputes === 0;
const inFull = (r: ObligationRecords) => undisputed(r) && paidInFull(r);
const shortOf = (r: ObligationRecords) => undisputed(r) && !paidInFull(r);
const disputed = (r: ObligationRecords) => r.openDisputes > 0;
const nothingPaid = (r: ObligationRecords) => undisputed(r) && r.paidFen === 0;

export const obligationTransitions: readonly ObligationTransition[] = [
  { from: 'open', to: 'paid', by: ['finance', 'appeal'], when: 'a payment, or a lower amount, makes what is paid reach what is owed', holds: inFull },
  { from: 'open', to: 'disputed', by: ['payee'], when: 'the payee disputes', holds: disputed },
  {
    from: 'open',
    to: 'cancelled',
    by: ['finance', 'appeal'],
    when: 'finance cancels, or an appeal removes the decision it pays, while nothing is paid',
    holds: nothingPaid,
  },
  { from: 'paid', to: 'open', by: ['finance', 'appeal'], when: 'a higher amount leaves part unpaid', holds: shortOf },
  { from: 'paid', to: 'disputed', by: ['payee'], when: 'the payee disputes', holds: disputed },
  {
    from: 'paid',
    to: 'settled',
    by: ['workflow'],
    holds: inFull,
    when: 'paid in full with no open dispute, and confirmed by the payee or unchallenged for paymentSettleAfterDays',
  },
  { from: 'disputed', to: 'open', by: ['payee', 'finance'], when: 'a receipt or a correction resolves every dispute and part is unpaid', holds: shortOf },
  { from: 'disputed', to: 'paid', by: ['payee', 'finance'], when: 'a receipt or a correction resolves every dispute and all is paid', holds: inFull },
  {
    from: 'disputed',
    to: 'cancelled',
    by: ['finance', 'appeal'],
    holds: nothingPaid,
    when: 'finance cancels, or an appeal removes the decision it pays, while nothing is paid, resolving the disputes',
  },
  { from: 'settled', to: 'open', by: ['finance', 'appeal'], when: 'a higher amount leaves part unpaid', holds: shortOf },
  { from: 'settled', to: 'disputed', by: ['payee'], when: 'the payee disputes within paymentDisputeWindowDays', holds: disputed },
  { from: 'settled', to: 'closed', by: ['workflow'], when: 'paymentDisputeWindowDays pass with no dispute', holds: inFull },
];

export const isObligationStatus = (s: string): s is ObligationStatus => (obligationStatuses as readonly string[]).includes(s);

/** A status nothing leaves: nothing more can be recorded against the obligation. */
export const isFinal = (s: string) => !obligationTransitions.some((t) => t.from === s);

/** Why `by` may not move an obligation from `from` to `to` given the records, or undefined when it may. */
export function transitionRefusal(from: string, to: string, by: ObligationParty, records: ObligationRecords): string | undefined {
  const t = obligationTransitions.find((row) => row.from === from && row.to === to);
  if (!t) return `an obligation never goes from ${from} to ${to}`;
  if (!t.by.includes(by)) return `only ${t.by.join(' or ')} may move an obligation from ${from} to ${to}`;
  if (!t.holds(records)) return `${from} → ${to} needs: ${t.when}`;
  return undefined;
}

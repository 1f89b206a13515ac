// Ids and messages of the payment workflows. Each signal only says "the records changed": the
// workflow re-reads them, so a lost or repeated signal cannot make it believe something false.

/**
 * The verification of one obligation, by a workflow of its own: cycles decided before the
 * verification of a cycle's payments became one workflow.
 */
export const paymentWorkflowId = (obligationId: string) => `payment/${obligationId}`;
export const paymentVerificationWorkflowType = 'paymentVerification';
/** The verification of every obligation of a cycle, by one workflow; its state is in the obligations' rows. */
export const cyclePaymentWorkflowId = (cycleId: string) => `payment-verification/${cycleId}`;
export const cyclePaymentVerificationWorkflowType = 'cyclePaymentVerification';
/** One launcher per cycle starts the verification of each of its obligations. */
export const paymentFollowUpsWorkflowId = (cycleId: string) => `payments/${cycleId}`;
export const paymentFollowUpsWorkflowType = 'paymentFollowUps';

/**
 * Each payment signal's name with its argument. `obligationId` names the obligation whose records
 * changed, for the cycle's workflow (which then looks at that one only); a workflow of one
 * obligation ignores it.
 */
export interface PaymentSignals {
  paymentRecorded: { reference: string; obligationId?: string };
  receiptConfirmed: { confirmedFen: number; obligationId?: string };
  paymentDisputed: { disputeId: number; reason: string; obligationId?: string };
  obligationCorrected: { action: 'cancel' | 'change'; obligationId?: string };
  /** An appeal touching the obligation was decided (or its re-decision stored): payments may resume. */
  appealChanged: { appealId: number };
}

export const paymentSignalNames = {
  paymentRecorded: 'paymentRecorded',
  receiptConfirmed: 'receiptConfirmed',
  paymentDisputed: 'paymentDisputed',
  obligationCorrected: 'obligationCorrected',
  appealChanged: 'appealChanged',
} as const satisfies { [K in keyof PaymentSignals]: K };

export interface VerificationState {
  step: 'waiting' | 'frozen' | 'settled' | 'closed' | 'cancelled';
  /** Appeals holding the payment while the step is 'frozen'. */
  frozenBy?: number[];
  reminded: boolean;
  /** Epoch ms of the next overdue notice. */
  nextEscalation: number;
  escalations: number;
  /** Epoch ms since which the records show the obligation paid in full without a dispute. */
  fullSince?: number;
  settledAt?: number;
}

export const verificationStateQueryName = 'verificationState';

/** Ids of the notices the workflow's own steps publish, so it can send them on without asking. */
export const paymentReminderNoticeId = (obligationId: string) => `${obligationId}/payment-reminder`;
export const paymentOverdueNoticeId = (obligationId: string, asOf: string) => `${obligationId}/payment-overdue/${asOf}`;

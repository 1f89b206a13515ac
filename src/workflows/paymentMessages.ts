// Signals of the payment verification workflow. Each one only says "the records changed": the
// workflow re-reads them, so a lost or repeated signal cannot make it believe something false.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const paymentRecordedSignal = defineSignal<[{ reference: string }]>('paymentRecorded');
export const receiptConfirmedSignal = defineSignal<[{ confirmedFen: number }]>('receiptConfirmed');
export const paymentDisputedSignal = defineSignal<[{ disputeId: number; reason: string }]>('paymentDisputed');
export const obligationCorrectedSignal = defineSignal<[{ action: 'cancel' | 'change' }]>('obligationCorrected');
/** An appeal touching the obligation was decided (or its re-decision stored): payments may resume. */
export const appealChangedSignal = defineSignal<[{ appealId: number }]>('appealChanged');

export const paymentSignalNames = {
  paymentRecorded: paymentRecordedSignal.name,
  receiptConfirmed: receiptConfirmedSignal.name,
  paymentDisputed: paymentDisputedSignal.name,
  obligationCorrected: obligationCorrectedSignal.name,
} as const;

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

export const verificationStateQuery = defineQuery<VerificationState>('verificationState');

/** Ids of the notices the workflow's own steps publish, so it can send them on without asking. */
export const paymentReminderNoticeId = (obligationId: string) => `${obligationId}/payment-reminder`;
export const paymentOverdueNoticeId = (obligationId: string, asOf: string) => `${obligationId}/payment-overdue/${asOf}`;

/** The business-key workflow id shared by the planner and the API. */
export const paymentWorkflowId = (obligationId: string) => `payment/${obligationId}`;

// Ids and messages of the appeal workflows, agreed on by the API, the cycle port and the
// workflows. The signal only says "the appeal changed": the workflow re-reads the stored appeal.

/** One review workflow per appeal (申诉): a second start for it is a no-op. */
export const appealWorkflowId = (appealId: number) => `appeal/${appealId}`;
export const appealReviewWorkflowType = 'appealReview';
/** Wakes the payment workflows an appeal held, a page at a time. */
export const appealPaymentsWorkflowId = (appealId: number) => `appeal/${appealId}/payments`;
export const appealPaymentsWorkflowType = 'appealPayments';

/** From the rule set of the appealed cycle: reminder interval and decision deadline, in days. */
export interface AppealTiming {
  remindEveryDays: number;
  decideWithinDays: number;
}

/** The bureau decided the appeal. */
export interface AppealDecided {
  status: string;
}
export const appealDecidedSignalName = 'appealDecided';

export interface AppealReviewState {
  step: 'waiting-for-decision' | 're-deciding' | 'concluding' | 'done';
  reminders: number;
  escalated: boolean;
}
export const appealStateQueryName = 'appealState';

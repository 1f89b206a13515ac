// What the API, the launcher and the presence workflows agree on, without importing Temporal.

/** One workflow per leader and month keeps every history small, whatever the county's size. */
export const presenceWorkflowId = (leaderId: string, month: string) => `presence/${leaderId}/${month}`;
export const presenceMonthWorkflowType = 'presenceMonth';
export const visitChangedSignalName = 'visitChanged';

/**
 * How a visit starts its leader's month when the launcher has not (it has not run yet, or skipped
 * the month): the workflow plans the month's timing itself.
 */
export interface PresenceMonthStart { leaderId: string; communityId: string; month: string }

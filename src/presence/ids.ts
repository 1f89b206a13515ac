// What the API, the launcher and the presence workflows agree on, without importing Temporal.

/** One workflow per leader and month keeps every history small, whatever the county's size. */
export const presenceWorkflowId = (leaderId: string, month: string) => `presence/${leaderId}/${month}`;
export const visitChangedSignalName = 'visitChanged';

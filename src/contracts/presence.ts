// Ids and messages of the presence workflows, agreed on by the API, the launcher and the
// month workflows.

/** One workflow per leader and month keeps every history small, whatever the county's size. */
export const presenceWorkflowId = (leaderId: string, month: string) => `presence/${leaderId}/${month}`;
export const presenceMonthWorkflowType = 'presenceMonth';
export const visitChangedSignalName = 'visitChanged';
export interface VisitChanged {
  visitId: number;
}
export const presenceProgressQueryName = 'presenceProgress';

/**
 * How a visit starts its leader's month when the launcher has not (it has not run yet, or skipped
 * the month): the workflow plans the month's timing itself.
 */
export interface PresenceMonthStart {
  leaderId: string;
  communityId: string;
  month: string;
}

/** The start a visit's signal carries: its leader's month, planned by the workflow if nothing started it yet. */
export function presenceMonthOfVisit({ leaderId, communityId, date }: { leaderId: string; communityId: string; date: string }) {
  const start: PresenceMonthStart = { leaderId, communityId, month: date.slice(0, 7) };
  return { workflowType: presenceMonthWorkflowType, workflowId: presenceWorkflowId(leaderId, start.month), args: [start] };
}

export interface PresenceProgress {
  days: string[];
  reminded: string[];
  recorded?: { days: number; compliant: boolean };
}

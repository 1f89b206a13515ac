// Notice ids and the notice workflows' messages, agreed on by the API, the follow-up planners and
// the notice workflows.
import type { FollowUp } from './followUps.js';

export const noticeWorkflowId = (noticeId: string) => `notice/${noticeId}`;
export const jointNoticeAcknowledgementWorkflowType = 'jointNoticeAcknowledgement';
/** Its argument is the acknowledging recipient, `{ type, id }` (a Recipient of src/core/types.ts). */
export const noticeAcknowledgedSignalName = 'noticeAcknowledged';
export const noticePendingQueryName = 'noticePending';
/** No argument: the notice has been withdrawn (an appeal took its sanction away); sent after the withdrawal is stored. */
export const noticeWithdrawnSignalName = 'noticeWithdrawn';

/** The one chase a department gets per cycle for the figures it owes. */
export const metricsMissingNoticeId = (cycleId: string, department: string) => `${cycleId}/metrics-missing/${department}`;

/** One delivery workflow per notice: a second start for the same notice is a no-op. */
export const noticeDeliveryFollowUp = (noticeId: string): FollowUp => ({
  workflowType: 'noticeDelivery',
  workflowId: `delivery/${noticeId}`,
  args: [{ noticeId }],
});

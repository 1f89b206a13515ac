// What the API, the follow-up planners and the notice workflows agree on, without importing Temporal.
import type { Recipient } from '../core/types.js';

export const noticeAcknowledgedSignalName = 'noticeAcknowledged';
export const noticeWorkflowId = (noticeId: string) => `notice/${noticeId}`;
export type AcknowledgingRecipient = Pick<Recipient, 'type' | 'id'>;

/** The one chase a department gets per cycle for the figures it owes. */
export const metricsMissingNoticeId = (cycleId: string, department: string) => `${cycleId}/metrics-missing/${department}`;

/** One delivery workflow per notice: a second start for the same notice is a no-op. */
export const noticeDeliveryFollowUp = (noticeId: string) => ({ workflowType: 'noticeDelivery', workflowId: `delivery/${noticeId}`, args: [{ noticeId }] });

// What the API and a notice's chase workflow agree on, without the API importing Temporal.
import type { Recipient } from '../core/types.js';

export const noticeAcknowledgedSignalName = 'noticeAcknowledged';
export const noticeWorkflowId = (noticeId: string) => `notice/${noticeId}`;
export type AcknowledgingRecipient = Pick<Recipient, 'type' | 'id'>;

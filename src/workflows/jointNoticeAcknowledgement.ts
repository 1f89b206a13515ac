// Chases one joint notice until every recipient has acknowledged it: reminders at a fixed
// interval, one escalation to the bureau head, and the database as the truth after each step
// so that a lost or early signal costs at most one extra reminder.
import { condition, continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { noticeAcknowledgedSignalName, noticeDeliveryFollowUp, noticePendingQueryName } from '../contracts/notices.js';
import type { Recipient } from '../core/types.js';
import { daysMs } from '../core/time.js';
import type { ChaseStep } from '../activities/noticeChase.js';
import { startFollowUps } from './followUps.js';

const { unacknowledgedRecipients, remindRecipients, escalateNotice } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export const noticeAcknowledgedSignal = defineSignal<[Recipient]>(noticeAcknowledgedSignalName);
export const noticePendingQuery = defineQuery<Recipient[]>(noticePendingQueryName);

export interface NoticeChaseInput {
  noticeId: string;
  remindEveryDays: number;
  escalateAfterDays: number;
  /** Carried across continue-as-new: the chase's start, the reminders sent, the escalation done. */
  since?: number;
  reminders?: number;
  escalated?: boolean;
}

export interface NoticeChaseOutcome { noticeId: string; reminders: number; escalated: boolean }

const keyOf = (r: Recipient) => `${r.type}:${r.id}`;

export async function jointNoticeAcknowledgement(input: NoticeChaseInput): Promise<NoticeChaseOutcome> {
  const since = input.since ?? Date.now();
  let reminders = input.reminders ?? 0;
  let escalated = input.escalated ?? false;
  let pending = new Map<string, Recipient>();
  const replace = (rs: Recipient[]) => { pending = new Map(rs.map((r) => [keyOf(r), r])); };
  // Reminders and escalations leave through the same channels as the notice itself.
  const after = async ({ pending: rs, published }: ChaseStep) => {
    replace(rs);
    if (published) await startFollowUps([noticeDeliveryFollowUp(published)]);
  };
  setHandler(noticeAcknowledgedSignal, (r) => { pending.delete(keyOf(r)); });
  setHandler(noticePendingQuery, () => [...pending.values()]);
  replace(await unacknowledgedRecipients({ noticeId: input.noticeId }));
  if (input.since === undefined) await startFollowUps([noticeDeliveryFollowUp(input.noticeId)]);

  while (pending.size > 0) {
    const remindAt = since + daysMs((reminders + 1) * input.remindEveryDays);
    const escalateAt = since + daysMs(input.escalateAfterDays);
    const next = escalated ? remindAt : Math.min(remindAt, escalateAt);
    if (await condition(() => pending.size === 0, Math.max(0, next - Date.now()))) break;
    if (!escalated && Date.now() >= escalateAt) {
      await after(await escalateNotice({ noticeId: input.noticeId, afterDays: input.escalateAfterDays }));
      escalated = true;
    }
    if (pending.size > 0 && Date.now() >= remindAt) {
      reminders += 1;
      await after(await remindRecipients({ noticeId: input.noticeId, round: reminders }));
    }
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof jointNoticeAcknowledgement>({ ...input, since, reminders, escalated });
    }
  }
  return { noticeId: input.noticeId, reminders, escalated };
}

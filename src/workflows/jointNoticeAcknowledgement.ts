// Chases one joint notice until every recipient has acknowledged it (or it is withdrawn):
// reminders at a fixed interval, one escalation to the bureau head (see chase.ts), and the
// database as the truth after each step so that a lost or early signal costs at most one extra reminder.
import { continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { noticeAcknowledgedSignalName, noticePendingQueryName, noticeWithdrawnSignalName } from '../contracts/notices.js';
import type { Recipient } from '../core/types.js';
import type { ChaseStep } from '../activities/noticeChase.js';
import { chase } from './chase.js';
import { deliverNotices } from './deliveries.js';

const { unacknowledgedRecipients, remindRecipients, escalateNotice } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export const noticeAcknowledgedSignal = defineSignal<[Recipient]>(noticeAcknowledgedSignalName);
export const noticePendingQuery = defineQuery<Recipient[]>(noticePendingQueryName);
export const noticeWithdrawnSignal = defineSignal(noticeWithdrawnSignalName);

export interface NoticeChaseInput {
  noticeId: string;
  remindEveryDays: number;
  escalateAfterDays: number;
  /** Carried across continue-as-new: the chase's start, the reminders sent, the escalation done. */
  since?: number;
  reminders?: number;
  escalated?: boolean;
}

export interface NoticeChaseOutcome {
  noticeId: string;
  reminders: number;
  escalated: boolean;
}

const keyOf = (r: Recipient) => `${r.type}:${r.id}`;

export async function jointNoticeAcknowledgement(input: NoticeChaseInput): Promise<NoticeChaseOutcome> {
  const since = input.since ?? Date.now();
  let pending = new Map<string, Recipient>();
  const replace = (rs: Recipient[]) => {
    pending = new Map(rs.map((r) => [keyOf(r), r]));
  };
  // Reminders and escalations leave through the same channels as the notice itself.
  const after = async ({ pending: rs, published }: ChaseStep) => {
    replace(rs);
    if (published) await deliverNotices([published]);
  };
  setHandler(noticeAcknowledgedSignal, (r) => {
    pending.delete(keyOf(r));
  });
  // A withdrawn notice owes nobody an acknowledgement: the chase ends now, not at its next reminder.
  setHandler(noticeWithdrawnSignal, () => {
    pending.clear();
  });
  setHandler(noticePendingQuery, () => [...pending.values()]);
  replace(await unacknowledgedRecipients({ noticeId: input.noticeId }));
  if (input.since === undefined) await deliverNotices([input.noticeId]);

  const { reminders, escalated } = await chase({ since, reminders: input.reminders ?? 0, escalated: input.escalated ?? false }, () => pending.size === 0, {
    remindEveryDays: input.remindEveryDays,
    escalateAfterDays: input.escalateAfterDays,
    remind: async (round) => after(await remindRecipients({ noticeId: input.noticeId, round })),
    escalate: async () => after(await escalateNotice({ noticeId: input.noticeId, afterDays: input.escalateAfterDays })),
    carryOver: (p) => continueAsNew<typeof jointNoticeAcknowledgement>({ ...input, ...p }),
  });
  return { noticeId: input.noticeId, reminders, escalated };
}

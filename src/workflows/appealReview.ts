// Follows one appeal (申诉) from filing to its consequences: tells the bureau and finance, waits
// for the bureau's decision with reminders and an escalation at the deadline, re-decides the
// period when it is overturned, and wakes the payment workflows it held (appealPayments).
import { continueAsNew, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { appealPaymentsWorkflowId, appealPaymentsWorkflowType, type AppealReviewState } from '../contracts/appeals.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { heartbeating, singleTransaction } from './activityTimeouts.js';
import { noticeWorkflowId } from '../contracts/notices.js';
import { appealDecidedSignal, appealStateQuery } from './appealMessages.js';
import { chase, type ChaseProgress } from './chase.js';
import { noticeWithdrawnSignal } from './jointNoticeAcknowledgement.js';
import { deliverNotices } from './deliveries.js';
import { startFollowUps } from './followUps.js';

const retry = { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes };
const { openAppeal, appealStillOpen, remindAppeal, escalateAppeal, concludeAppeal } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry,
});
const { redecideAppeal } = proxyActivities<ReturnType<typeof createActivities>>({ ...heartbeating, retry });

export interface AppealReviewInput {
  appealId: number;
  remindEveryDays: number;
  /** The decision deadline, in days after filing: the appeal goes to the bureau head then. */
  escalateAfterDays: number;
  /** Carried across continue-as-new. */
  progress?: ChaseProgress;
}

export interface AppealReviewOutcome {
  appealId: number;
  status: string;
  reminders: number;
  escalated: boolean;
}

const send = (ids: string[] | undefined) => deliverNotices(ids ?? []);

export async function appealReview(input: AppealReviewInput): Promise<AppealReviewOutcome> {
  const { appealId } = input;
  const state: AppealReviewState = { step: 'waiting-for-decision', reminders: input.progress?.reminders ?? 0, escalated: input.progress?.escalated ?? false };
  let progress: ChaseProgress = input.progress ?? { since: Date.now(), reminders: 0, escalated: false };
  let decided = false;
  setHandler(appealDecidedSignal, () => {
    decided = true;
  });
  setHandler(appealStateQuery, () => state);

  if (!input.progress) {
    const opened = await openAppeal({ appealId });
    decided = !opened.open;
    await send(opened.published);
  }
  // A signal only wakes the wait: the stored appeal says whether it is really decided.
  while (!decided || (await appealStillOpen({ appealId }))) {
    decided = false;
    progress = await chase(progress, () => decided, {
      remindEveryDays: input.remindEveryDays,
      escalateAfterDays: input.escalateAfterDays,
      remind: async (round) => {
        const s = await remindAppeal({ appealId, round });
        decided ||= !s.open;
        state.reminders = round;
        await send(s.published ? [s.published] : []);
      },
      escalate: async () => {
        const s = await escalateAppeal({ appealId });
        decided ||= !s.open;
        state.escalated = true;
        await send(s.published ? [s.published] : []);
      },
      carryOver: (p) => continueAsNew<typeof appealReview>({ ...input, progress: p }),
    });
  }

  state.step = 're-deciding';
  const redecision = await redecideAppeal({ appealId });
  await send(redecision.published);
  // The withdrawals are stored: their chases end now. One that already ended has nothing to hear.
  // Results recorded before `withdrawn` existed have none to end.
  for (const id of redecision.withdrawn ?? [])
    await getExternalWorkflowHandle(noticeWorkflowId(id))
      .signal(noticeWithdrawnSignal)
      .catch(() => undefined);
  state.step = 'concluding';
  const conclusion = await concludeAppeal({ appealId });
  await send(conclusion.published);
  await startFollowUps([
    ...conclusion.followUps,
    { workflowType: appealPaymentsWorkflowType, workflowId: appealPaymentsWorkflowId(appealId), args: [{ appealId, cycleId: conclusion.cycleId }] },
  ]);
  state.step = 'done';
  return { appealId, status: conclusion.status, reminders: progress.reminders, escalated: progress.escalated };
}

// Follows one payment obligation until the money has reached the payee: reminds finance before
// the due date, escalates weekly once it passes unpaid, settles on confirmation (or on silence
// after full payment), and keeps listening for disputes for a while after settling.
// Serves only the cycles planned before cyclePaymentVerification (one workflow per cycle, its
// rule core/verificationStep.ts): the same rule, kept here as it was so that every recorded
// history replays; no new run starts it.
import { condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { paymentOverdueNoticeId, paymentReminderNoticeId, type VerificationState } from '../contracts/payments.js';
import { isSettled, overdueFrom, paidInFull, reminderAt, type PaymentTiming } from '../core/settlement.js';
import { daysMs } from '../core/time.js';
import { deliverNotices } from './deliveries.js';
import {
  appealChangedSignal,
  obligationCorrectedSignal,
  paymentDisputedSignal,
  paymentRecordedSignal,
  receiptConfirmedSignal,
  verificationStateQuery,
} from './paymentMessages.js';

const { reviewObligation, remindFinance, escalateOverdue, settleObligation, closeObligation } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface PaymentVerificationInput {
  obligationId: string;
  dueOn: string;
  timing: PaymentTiming;
  /** Carried over continue-as-new. */
  state?: VerificationState;
}

export type VerificationOutcome = 'closed' | 'cancelled';

export async function paymentVerification(input: PaymentVerificationInput): Promise<VerificationOutcome> {
  const { obligationId, dueOn, timing } = input;
  const st: VerificationState = input.state ?? { step: 'waiting', reminded: false, nextEscalation: overdueFrom(dueOn), escalations: 0 };
  let changed = false;
  const wake = () => {
    changed = true;
  };
  setHandler(paymentRecordedSignal, wake);
  setHandler(receiptConfirmedSignal, wake);
  setHandler(paymentDisputedSignal, wake);
  setHandler(obligationCorrectedSignal, wake);
  setHandler(appealChangedSignal, wake);
  setHandler(verificationStateQuery, () => st);

  for (;;) {
    changed = false;
    const facts = await reviewObligation({ obligationId });
    await sendOn(facts.published, facts.beyondInbox);
    if (facts.status === 'cancelled') return (st.step = 'cancelled');
    // An open appeal may change the amount: nothing is settled, reminded or escalated until it
    // is decided. Its signal wakes the wait; a daily look at the records covers a lost signal.
    if (facts.frozenBy?.length && patched('appeal-freeze')) {
      st.step = 'frozen';
      st.frozenBy = facts.frozenBy;
      st.fullSince = undefined;
      await condition(() => changed, daysMs(1));
      if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof paymentVerification>({ ...input, state: st });
      continue;
    }
    st.frozenBy = undefined;
    const now = Date.now();
    if (!paidInFull(facts) || facts.openDisputes > 0) {
      st.fullSince = undefined;
      st.settledAt = undefined;
    } else {
      st.fullSince ??= now;
    }

    if (isSettled(facts, timing, st.fullSince, now)) {
      // A refused settle or close means a dispute or a correction came in after the review: look
      // again rather than carry on from stale facts. Runs begun before the refusal existed ignore it.
      const guarded = patched('obligation-transitions-guarded');
      if (facts.status !== 'settled' && !(await settleObligation({ obligationId })) && guarded) continue;
      st.step = 'settled';
      st.settledAt ??= now;
      const closesAt = st.settledAt + daysMs(timing.disputeWindowDays);
      if (!(await condition(() => changed, closesAt - now))) {
        if (!(await closeObligation({ obligationId })) && guarded) {
          // Settled again later, it gets a whole dispute window again.
          st.settledAt = undefined;
          continue;
        }
        return (st.step = 'closed');
      }
      continue;
    }

    st.step = 'waiting';
    const unpaid = !paidInFull(facts);
    const remindAt = reminderAt(dueOn, timing);
    if (unpaid && !st.reminded && now >= remindAt && now < overdueFrom(dueOn)) {
      await remindFinance({ obligationId });
      st.reminded = true;
      await sendOn([paymentReminderNoticeId(obligationId)], facts.beyondInbox);
    }
    if (unpaid && now >= st.nextEscalation) {
      const asOf = new Date(now).toISOString().slice(0, 10);
      if (await escalateOverdue({ obligationId, asOf })) await sendOn([paymentOverdueNoticeId(obligationId, asOf)], facts.beyondInbox);
      st.escalations += 1;
      while (st.nextEscalation <= now) st.nextEscalation += daysMs(timing.escalateEveryDays);
    }

    const wakeAt = Math.min(
      unpaid && !st.reminded && remindAt > now ? remindAt : Infinity,
      unpaid ? st.nextEscalation : Infinity,
      st.fullSince !== undefined ? st.fullSince + daysMs(timing.settleAfterDays) : Infinity,
    );
    await (wakeAt === Infinity ? condition(() => changed) : condition(() => changed, wakeAt - now));
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof paymentVerification>({ ...input, state: st });
  }
}

/**
 * Sends the notices a step published on by every configured channel, as the iteration's review
 * found them configured (a review recorded before it said so leaves it to deliverNotices to ask).
 * Runs begun before payment notices left the inbox replay without these starts, and a review they
 * recorded has no `published`.
 */
async function sendOn(noticeIds: string[] | undefined, beyondInbox: boolean | undefined): Promise<void> {
  if (noticeIds?.length && patched('payment-notices-by-every-channel')) await deliverNotices(noticeIds, beyondInbox);
}

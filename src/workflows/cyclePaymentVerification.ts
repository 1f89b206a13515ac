// Follows every payment obligation of a cycle until the money has reached its payee, as
// paymentVerification did one workflow per obligation (which still serves the cycles decided
// before this one): each look is core/verificationStep.ts, its state is on the obligation's row,
// and this workflow only says when to look — at the earliest next look any obligation asked for,
// or when a signal names one whose records changed. 134 obligations a county took 134 workflows
// of 20–30 history events each; they take one, a few events a look.
import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import type { CyclePaymentsLooked } from '../activities/cyclePayments.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import type { PaymentTiming } from '../core/settlement.js';
import { heartbeating } from './activityTimeouts.js';
import { deliverNotices } from './deliveries.js';
import { appealChangedSignal, obligationCorrectedSignal, paymentDisputedSignal, paymentRecordedSignal, receiptConfirmedSignal } from './paymentMessages.js';

// A page of looks heartbeats (activities/heartbeat.ts): a national cycle's first look is 100,000 obligations.
const { verifyCyclePayments } = proxyActivities<ReturnType<typeof createActivities>>({
  ...heartbeating,
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface CyclePaymentVerificationInput {
  cycleId: string;
  timing: PaymentTiming;
  pageSize?: number;
  /** Carried over continue-as-new: obligations named by signals not yet looked at, or all of them. */
  named?: string[];
  all?: boolean;
}

export async function cyclePaymentVerification(input: CyclePaymentVerificationInput): Promise<void> {
  const { cycleId, timing } = input;
  const pageSize = input.pageSize ?? 500;
  const named = new Set(input.named);
  let all = input.all ?? false;
  // A signal without an obligation (an appeal decided, or a sender that did not say) wakes all of them.
  const wake = (arg?: { obligationId?: string }) => {
    if (arg?.obligationId) named.add(arg.obligationId);
    else all = true;
  };
  setHandler(paymentRecordedSignal, wake);
  setHandler(receiptConfirmedSignal, wake);
  setHandler(paymentDisputedSignal, wake);
  setHandler(obligationCorrectedSignal, wake);
  setHandler(appealChangedSignal, () => wake());
  const woken = () => all || named.size > 0;

  for (;;) {
    const look = { cycleId, timing, now: Date.now(), named: [...named], all, limit: pageSize };
    named.clear();
    all = false;
    let page: CyclePaymentsLooked = { published: [], beyondInbox: false };
    do {
      page = await verifyCyclePayments({ ...look, after: page.after });
      await deliverNotices(page.published, page.beyondInbox);
    } while (page.after !== undefined);
    if (page.open === 0) return;

    const waitMs = page.nextLookAt === undefined ? undefined : page.nextLookAt - Date.now();
    if (waitMs === undefined) await condition(woken);
    else if (waitMs > 0) await condition(woken, waitMs);
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof cyclePaymentVerification>({ ...input, named: [...named], all });
  }
}

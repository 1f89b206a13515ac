// Starts one paymentVerification per obligation of a cycle, a page at a time. A national cycle
// has ~100,000 obligations: started from the cycle workflow itself they would put several
// events each into its history and exceed the pending-child limit, so this workflow starts a
// page and continues as new with a fresh history for the next.
import { continueAsNew, patched, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { startFollowUps } from './followUps.js';

const { obligationPage } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

// A page of starts, each a heartbeat: a worker that dies mid-page is noticed within the heartbeat timeout.
const { startPaymentVerifications } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

export interface PaymentFollowUpsInput {
  cycleId: string;
  /** Obligation id after which the next page starts. */
  after?: string;
  pageSize?: number;
}

export async function paymentFollowUps(input: PaymentFollowUpsInput): Promise<void> {
  const pageSize = input.pageSize ?? 500;
  // Started by an activity, not as children (see activities/paymentFollowUps.ts); runs begun before start children.
  if (patched('payment-verifications-started-by-activity')) {
    const { started, last } = await startPaymentVerifications({ cycleId: input.cycleId, after: input.after, limit: pageSize });
    if (last !== undefined && started === pageSize) await continueAsNew<typeof paymentFollowUps>({ ...input, after: last });
    return;
  }
  const page = await obligationPage({ cycleId: input.cycleId, after: input.after, limit: pageSize });
  await startFollowUps(page.followUps);
  if (page.last !== undefined && page.followUps.length === pageSize) {
    await continueAsNew<typeof paymentFollowUps>({ ...input, after: page.last });
  }
}

// Wakes the payment workflows an appeal held, a page of obligations at a time: a national cycle
// has ~100,000 of them, too many signals for one history, so each page continues as new.
import { continueAsNew, getExternalWorkflowHandle, patched, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { cyclePaymentWorkflowId } from '../contracts/payments.js';
import { singleTransaction } from './activityTimeouts.js';
import { appealChangedSignal } from './paymentMessages.js';

const { obligationPage } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

export interface AppealPaymentsInput {
  appealId: number;
  cycleId: string;
  after?: string;
  pageSize?: number;
}

export async function appealPayments(input: AppealPaymentsInput): Promise<void> {
  const pageSize = input.pageSize ?? 500;
  // A cycle verified by one workflow needs one signal; one whose obligations each have their own
  // (decided before) has none, and its pages follow. Runs begun before signal the pages only.
  if (input.after === undefined && patched('cycle-payment-verification')) {
    const woke = await getExternalWorkflowHandle(cyclePaymentWorkflowId(input.cycleId))
      .signal(appealChangedSignal, { appealId: input.appealId })
      .then(() => true)
      .catch(() => false);
    if (woke) return;
  }
  const page = await obligationPage({ cycleId: input.cycleId, after: input.after, limit: pageSize });
  // A payment workflow that has already ended has nothing to resume.
  await Promise.all(
    page.followUps.map((f) =>
      getExternalWorkflowHandle(f.workflowId)
        .signal(appealChangedSignal, { appealId: input.appealId })
        .catch(() => undefined),
    ),
  );
  if (page.last !== undefined && page.followUps.length === pageSize) {
    await continueAsNew<typeof appealPayments>({ ...input, after: page.last });
  }
}

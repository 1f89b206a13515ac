// A stored notice is in the inbox already; its delivery workflow only carries it on to the
// channels beyond the inbox (webhook, email). With none configured — the default deployment —
// that workflow would only learn so and end: half of a quarter's workflows did nothing else.
import { patched, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { noticeDeliveryFollowUp } from '../contracts/notices.js';
import { singleTransaction } from './activityTimeouts.js';
import { startFollowUps } from './followUps.js';

const { noticeChannels } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

/**
 * Starts the delivery of each notice when a channel beyond the inbox is configured.
 * `beyondInbox` is the answer when the activity that published the notices gave it; otherwise
 * the worker's configuration is asked once for all of them. Runs begun before this replay with
 * a delivery started for every notice, as they did.
 */
export async function deliverNotices(noticeIds: string[], beyondInbox?: boolean): Promise<void> {
  if (noticeIds.length === 0) return;
  if (patched('no-delivery-without-channels') && !(beyondInbox ?? (await noticeChannels()).length > 0)) return;
  await startFollowUps(noticeIds.map(noticeDeliveryFollowUp));
}

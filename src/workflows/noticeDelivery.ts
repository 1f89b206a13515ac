// Sends one stored notice through every configured channel, each retried on its own with
// backoff for up to two days; a channel that refuses for good is reported, not retried.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';

const { noticeChannels } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});
// A call to an outside receiver: the webhook's own 10-s timeout, or an SMTP exchange, inside a minute.
const { deliverNotice } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '2 days',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface DeliveryOutcome {
  noticeId: string;
  delivered: string[];
  failed: { channel: string; reason: string }[];
}

export async function noticeDelivery({ noticeId }: { noticeId: string }): Promise<DeliveryOutcome> {
  const channels = await noticeChannels();
  const results = await Promise.allSettled(channels.map((channel) => deliverNotice({ noticeId, channel })));
  const outcome: DeliveryOutcome = { noticeId, delivered: [], failed: [] };
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') outcome.delivered.push(channels[i]!);
    else outcome.failed.push({ channel: channels[i]!, reason: failureMessage(r.reason) });
  });
  return outcome;
}

// An activity failure wraps the channel's own error, whose message says what the receiver did.
function failureMessage(reason: unknown): string {
  const e = reason as { message?: string; cause?: { message?: string } };
  return e.cause?.message ?? e.message ?? String(reason);
}

// Started by the weekly Schedule on Monday morning: publishes the bulletins of the week just
// ended and starts their delivery. Notice and workflow ids come from the week, so a second run
// for the same week (a catch-up, a start by hand) publishes and delivers nothing again.
import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { weekJustEnded, type Week } from '../core/bulletins.js';
import { noticeDeliveryFollowUp } from '../notices/acknowledgement.js';
import { startFollowUps } from './followUps.js';
import { scheduledStart } from './scheduledStart.js';

const { publishBulletins } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes' },
});

export async function weeklyBulletins(): Promise<{ week: Week; notices: string[] }> {
  const week = weekJustEnded(scheduledStart().toISOString());
  const notices = await publishBulletins(week);
  await startFollowUps(notices.map(noticeDeliveryFollowUp));
  return { week, notices };
}

// Started by a county's weekly Schedule on Monday morning: publishes the bulletins of the county's
// week just ended and starts their delivery, a page of communities at a time, continuing as new after each
// page so a national deployment stays far inside the history limits. Notice and workflow ids come
// from the week, so a second run for the same week (a catch-up, a start by hand) publishes and
// delivers nothing again.
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { heartbeating } from './activityTimeouts.js';
import { weekJustEnded, type Week } from '../core/bulletins.js';
import { deliverNotices } from './deliveries.js';
import { scheduledStart } from './scheduledStart.js';

const { publishBulletins } = proxyActivities<ReturnType<typeof createActivities>>({
  ...heartbeating,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface WeeklyBulletinsInput {
  /** Set after the first page; otherwise the week before the Schedule's firing. */
  week?: Week;
  /** The last community of the pages done. */
  after?: string;
  /** Bulletins published by the pages done. */
  published?: number;
  /** Communities per page. */
  pageSize?: number;
}

/** `countyId`: the Schedule's county; absent in runs of Schedules registered before counties (county-1). */
export async function weeklyBulletins(input: WeeklyBulletinsInput = {}, countyId?: string): Promise<{ week: Week; published: number }> {
  const week = input.week ?? weekJustEnded(scheduledStart().toISOString());
  const page = await publishBulletins({ week, after: input.after, limit: input.pageSize ?? 200, countyId });
  await deliverNotices(page.notices);
  const published = (input.published ?? 0) + page.notices.length;
  if (page.next) await continueAsNew<typeof weeklyBulletins>({ ...input, week, after: page.next, published }, countyId);
  return { week, published };
}

// Started by a county's daily Schedule: reminds every officer of what their communities' register
// owes that day, a page of communities at a time, continuing as new after each page so a large
// county stays far inside the history limits. One activity per page, never a workflow per person;
// notice and delivery ids come from the officer and the day, so a second run for the same day (a
// catch-up, a start by hand) reminds nobody twice.
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { heartbeating } from './activityTimeouts.js';
import { deliverNotices } from './deliveries.js';
import { scheduledStart } from './scheduledStart.js';

const { remindRegister } = proxyActivities<ReturnType<typeof createActivities>>({
  ...heartbeating,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface RegisterSweepInput {
  /** Set after the first page; otherwise the bureau's day of the Schedule's firing or of the start. */
  date?: string;
  /** The last community of the pages done. */
  after?: string;
  /** Reminders published by the pages done. */
  reminded?: number;
  /** Communities per page. */
  pageSize?: number;
}

export async function registerSweep(input: RegisterSweepInput, countyId: string): Promise<{ date: string; reminded: number }> {
  const page = await remindRegister({
    countyId,
    at: scheduledStart().toISOString(),
    date: input.date,
    after: input.after,
    limit: input.pageSize ?? 50,
  });
  await deliverNotices(page.notices);
  const reminded = (input.reminded ?? 0) + page.notices.length;
  if (page.next) await continueAsNew<typeof registerSweep>({ ...input, date: page.date, after: page.next, reminded }, countyId);
  return { date: page.date, reminded };
}

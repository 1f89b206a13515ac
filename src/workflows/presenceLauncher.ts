// Started by a county's monthly Schedule: starts one presenceMonth per leader bound in the county, a page at a time,
// continuing as new after each page so a national deployment stays far inside the history limits.
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { presenceMonthWorkflowType, presenceWorkflowId } from '../contracts/presence.js';
import { startFollowUps } from './followUps.js';
import { scheduledStart } from './scheduledStart.js';

const { presencePlan } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface PresenceLauncherInput {
  timeZone: string;
  /** Set by hand or after the first page; otherwise the local month of the Schedule's firing or of the start. */
  month?: string;
  after?: string;
  pageSize?: number;
}

/** `countyId`: the Schedule's county; absent in launchers of Schedules registered before counties (county-1). */
export async function presenceLauncher(input: PresenceLauncherInput, countyId?: string): Promise<{ month: string; started: number }> {
  // The month is the local month of the Schedule's intended firing (a catch-up runs late) or of a
  // start by hand: never the day after, which on a month's last day is already the next month.
  const plan = await presencePlan({
    at: scheduledStart().toISOString(),
    timeZone: input.timeZone,
    month: input.month,
    after: input.after,
    limit: input.pageSize ?? 200,
    countyId,
  });
  await startFollowUps(
    plan.months.map((m) => ({ workflowType: presenceMonthWorkflowType, workflowId: presenceWorkflowId(m.leaderId, plan.month), args: [m] })),
  );
  if (plan.next) await continueAsNew<typeof presenceLauncher>({ ...input, month: plan.month, after: plan.next }, countyId);
  return { month: plan.month, started: plan.months.length };
}

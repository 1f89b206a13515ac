// Started by the monthly Schedule: starts one presenceMonth per bound leader, a page at a time,
// continuing as new after each page so a national deployment stays far inside the history limits.
import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../core/failures.js';
import { presenceWorkflowId } from '../presence/ids.js';
import { startFollowUps } from './followUps.js';

const { presencePlan } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export interface PresenceLauncherInput {
  timeZone: string;
  /** Set after the first page; otherwise the month the Schedule's firing begins. */
  month?: string;
  after?: string;
  pageSize?: number;
}

export async function presenceLauncher(input: PresenceLauncherInput): Promise<{ month: string; started: number }> {
  const plan = await presencePlan({ at: new Date().toISOString(), timeZone: input.timeZone, month: input.month, after: input.after, limit: input.pageSize ?? 200 });
  await startFollowUps(plan.months.map((m) => ({ workflowType: 'presenceMonth', workflowId: presenceWorkflowId(m.leaderId, plan.month), args: [m] })));
  if (plan.next) await continueAsNew<typeof presenceLauncher>({ ...input, month: plan.month, after: plan.next });
  return { month: plan.month, started: plan.months.length };
}

// Every recurring start is a Temporal Schedule, registered (or brought up to date) at start-up.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { scheduledQuarterlyCycle } from '../workflows/scheduledCycle.js';
import { presenceSchedule } from './presenceSchedule.js';
import { yearEndSchedule } from './yearEndSchedule.js';
import { bulletinSchedule } from './bulletinSchedule.js';

export function scheduleIds(taskQueue: string) {
  return { quarterly: `${taskQueue}/quarterly-evaluation` };
}

export function quarterlySchedule(taskQueue: string, timeZone: string): ScheduleOptions {
  return {
    scheduleId: scheduleIds(taskQueue).quarterly,
    spec: {
      // 00:00 local time on the first day of each quarter, for the quarter just ended.
      calendars: [{ month: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'], dayOfMonth: 1, hour: 0, minute: 0 }],
      timezone: timeZone,
    },
    action: { type: 'startWorkflow', workflowType: scheduledQuarterlyCycle, workflowId: `${taskQueue}/scheduled-quarterly`, taskQueue, args: [] },
    // A cycle already running is no reason to skip the next quarter's start, and a server that
    // was down at quarter start still starts the missed quarter within a month.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '30 days' },
    memo: { purpose: 'quarterly evaluation of community police offices' },
  };
}

export async function registerSchedules(client: Client, taskQueue: string, timeZone: string): Promise<string[]> {
  const options = [quarterlySchedule(taskQueue, timeZone), yearEndSchedule(taskQueue, timeZone), presenceSchedule(taskQueue, timeZone), bulletinSchedule(taskQueue, timeZone)];
  for (const o of options) {
    try {
      await client.schedule.create(o);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(o.scheduleId).update((prev) => ({ ...prev, spec: o.spec, action: o.action, policies: o.policies }));
    }
  }
  return options.map((o) => o.scheduleId);
}

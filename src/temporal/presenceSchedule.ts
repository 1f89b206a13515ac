// The monthly start of leaders' presence tracking.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { presenceLauncher } from '../workflows/presenceLauncher.js';

export const presenceScheduleId = (taskQueue: string) => `${taskQueue}/monthly-presence`;

export function presenceSchedule(taskQueue: string, timeZone: string): ScheduleOptions {
  return {
    scheduleId: presenceScheduleId(taskQueue),
    // 00:00 local time on the first of every month, for the month that begins.
    spec: { calendars: [{ month: '*', dayOfMonth: 1, hour: 0, minute: 0 }], timezone: timeZone },
    action: { type: 'startWorkflow', workflowType: presenceLauncher, workflowId: `${taskQueue}/presence-launcher`, taskQueue, args: [{ timeZone }] },
    // A launcher still paging through a large county finishes first; a server down at the turn
    // of the month still starts it within a week (the first reminder is on the 10th).
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
    memo: { purpose: 'monthly presence tracking of liaison leaders' },
  };
}

// The monthly start of leaders' presence tracking, one Schedule per county.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { presenceLauncher } from '../workflows/presenceLauncher.js';
import type { ScheduleTarget } from './periodSchedules.js';

export const presenceScheduleId = (taskQueue: string, countyId: string) => `${taskQueue}/monthly-presence-${countyId}`;

/** The one Schedule of the release before counties; deleted at start-up. */
export const uncountiedPresenceScheduleId = (taskQueue: string) => `${taskQueue}/monthly-presence`;

export function presenceSchedule({ countyId, taskQueue, timeZone }: ScheduleTarget): ScheduleOptions {
  return {
    scheduleId: presenceScheduleId(taskQueue, countyId),
    // 00:00 local time on the first of every month, for the month that begins.
    spec: { calendars: [{ month: '*', dayOfMonth: 1, hour: 0, minute: 0 }], timezone: timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: presenceLauncher,
      workflowId: `${taskQueue}/presence-launcher-${countyId}`,
      taskQueue,
      // The county is the launcher's last argument.
      args: [{ timeZone }, countyId],
      staticSummary: `${countyId} 局领导驻点月度跟踪定时启动`,
    },
    // A launcher still paging through a large county finishes first; a server down at the turn
    // of the month still starts it within a week (the first reminder is on the 10th).
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
    memo: { purpose: 'monthly presence tracking of liaison leaders', countyId },
  };
}

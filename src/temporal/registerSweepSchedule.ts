// The daily sweep of the population register, one Schedule per county.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { registerSweep } from '../workflows/registerSweep.js';
import type { ScheduleTarget } from './periodSchedules.js';

export const registerSweepScheduleId = (taskQueue: string, countyId: string) => `${taskQueue}/register-sweep-${countyId}`;

export function registerSweepSchedule({ countyId, taskQueue, timeZone }: ScheduleTarget): ScheduleOptions {
  return {
    scheduleId: registerSweepScheduleId(taskQueue, countyId),
    // 08:00 local time every day, as the station's day begins: a talk or a permit falls due on a
    // day, so a daily sweep tells the officer on the first morning it is owed.
    spec: { calendars: [{ hour: 8, minute: 0 }], timezone: timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: registerSweep,
      workflowId: `${taskQueue}/register-sweep-${countyId}`,
      taskQueue,
      // The county is the sweep's last argument.
      args: [{}, countyId],
      staticSummary: `${countyId} 人口登记待办每日提醒`,
    },
    // A sweep still paging finishes first; a server down in the morning still sends the day's
    // reminders that day, and a missed day is not sent late (the next morning's says it all again).
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '12 hours' },
    memo: { purpose: 'daily reminders of the population register backlog', countyId },
  };
}

// The weekly start of the community bulletins.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { weeklyBulletins } from '../workflows/weeklyBulletins.js';

export const bulletinScheduleId = (taskQueue: string) => `${taskQueue}/weekly-bulletins`;

export function bulletinSchedule(taskQueue: string, timeZone: string): ScheduleOptions {
  return {
    scheduleId: bulletinScheduleId(taskQueue),
    // 08:00 local time every Monday, for the week (Monday to Sunday) just ended.
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 8, minute: 0 }], timezone: timeZone },
    action: { type: 'startWorkflow', workflowType: weeklyBulletins, workflowId: `${taskQueue}/weekly-bulletins`, taskQueue, args: [] },
    // A week's run still delivering finishes first; a server down on Monday still publishes the
    // missed week before the next one is due.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
    memo: { purpose: 'weekly police-situation and case-solved bulletins of every community' },
  };
}

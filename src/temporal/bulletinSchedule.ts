// The weekly start of the community bulletins, one Schedule per county.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { weeklyBulletins } from '../workflows/weeklyBulletins.js';
import type { ScheduleTarget } from './periodSchedules.js';

export const bulletinScheduleId = (taskQueue: string, countyId: string) => `${taskQueue}/weekly-bulletins-${countyId}`;

/** The one Schedule of the release before counties; deleted at start-up. */
export const uncountiedBulletinScheduleId = (taskQueue: string) => `${taskQueue}/weekly-bulletins`;

export function bulletinSchedule({ countyId, taskQueue, timeZone }: ScheduleTarget): ScheduleOptions {
  return {
    scheduleId: bulletinScheduleId(taskQueue, countyId),
    // 08:00 local time every Monday, for the week (Monday to Sunday) just ended.
    spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 8, minute: 0 }], timezone: timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: weeklyBulletins,
      workflowId: `${taskQueue}/weekly-bulletins-${countyId}`,
      taskQueue,
      // The county is the launcher's last argument.
      args: [{}, countyId],
      staticSummary: `${countyId} 每周警情、破案公告定时启动`,
    },
    // A week's run still delivering finishes first; a server down on Monday still publishes the
    // missed week before the next one is due.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '7 days' },
    memo: { purpose: 'weekly police-situation and case-solved bulletins of every community', countyId },
  };
}

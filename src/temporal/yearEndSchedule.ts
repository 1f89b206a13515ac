// The yearly start of the year-end evaluation, one Schedule per county.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { cycleKindDescriptors } from '../core/cadences.js';
import { scheduledYearEnd } from '../workflows/scheduledYearEnd.js';
import { scheduleMonths, type ScheduleTarget } from './periodSchedules.js';

export const yearEndScheduleId = (taskQueue: string, countyId: string) => `${taskQueue}/year-end-evaluation-${countyId}`;

/** The one Schedule of the release before counties; deleted at start-up. */
export const uncountiedYearEndScheduleId = (taskQueue: string) => `${taskQueue}/year-end-evaluation`;

export function yearEndSchedule({ countyId, taskQueue, timeZone }: ScheduleTarget): ScheduleOptions {
  return {
    scheduleId: yearEndScheduleId(taskQueue, countyId),
    // 02:00 local time on 15 January: after the Q4 cycle's figure deadline (7 days by default);
    // the cycle itself still waits for a Q4 that is late.
    spec: { calendars: [{ ...scheduleMonths('year-end'), dayOfMonth: 15, hour: 2, minute: 0 }], timezone: timeZone },
    action: {
      type: 'startWorkflow',
      workflowType: scheduledYearEnd,
      workflowId: `${taskQueue}/scheduled-year-end-${countyId}`,
      taskQueue,
      // The county is the launcher's last (here only) argument.
      args: [countyId],
      staticSummary: `${countyId} 年终考评定时启动`,
    },
    // Nothing overlaps a yearly start, and a server down on the day still starts the year's
    // cycle within the rewards' 30-day payment term.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '30 days' },
    memo: { purpose: cycleKindDescriptors['year-end'].purpose, countyId },
  };
}

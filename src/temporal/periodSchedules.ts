// The Schedules of the period evaluations: 月考, 季考 and 半年考. All three always exist; the
// launcher starts a month's or half-year's cycle only when the rule set in force evaluates it.
import { ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { Cadence } from '../core/calendar.js';
import { scheduledPeriodCycle } from '../workflows/scheduledCycle.js';

type Month = 'JANUARY' | 'APRIL' | 'JULY' | 'OCTOBER';

/** The months whose first day starts an evaluation of the period just ended; all months for 月考. */
const firstMonths: Record<Cadence, Month[] | undefined> = {
  monthly: undefined,
  quarterly: ['JANUARY', 'APRIL', 'JULY', 'OCTOBER'],
  'half-year': ['JANUARY', 'JULY'],
};

const purposes: Record<Cadence, string> = {
  monthly: 'monthly evaluation (月考), when the rule set defines it',
  quarterly: 'quarterly evaluation of community police offices',
  'half-year': 'half-year evaluation (半年考), when the rule set defines it',
};

export const periodScheduleId = (taskQueue: string, cadence: Cadence) => `${taskQueue}/${cadence}-evaluation`;

export function periodSchedule(cadence: Cadence, taskQueue: string, timeZone: string): ScheduleOptions {
  const months = firstMonths[cadence];
  return {
    scheduleId: periodScheduleId(taskQueue, cadence),
    spec: {
      // 00:00 local time on the first day of each period, for the period just ended.
      calendars: [{ ...(months ? { month: months } : {}), dayOfMonth: 1, hour: 0, minute: 0 }],
      timezone: timeZone,
    },
    action: { type: 'startWorkflow', workflowType: scheduledPeriodCycle, workflowId: `${taskQueue}/scheduled-${cadence}`, taskQueue, args: [cadence] },
    // A cycle already running is no reason to skip the next period's start, and a server that
    // was down at a period's start still starts the missed period within a month.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '30 days' },
    memo: { purpose: purposes[cadence] },
  };
}

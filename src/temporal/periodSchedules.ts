// The Schedules of the period evaluations: 月考, 季考 and 半年考. All three always exist; the
// launcher starts a month's or half-year's cycle only when the rule set in force evaluates it.
import { MONTHS, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { CycleKind } from '../contracts/cycles.js';
import { cycleKindDescriptors, type Cadence } from '../core/cadences.js';
import { scheduledPeriodCycle } from '../workflows/scheduledCycle.js';

/** The calendar months of a kind's Schedule, none (every month) for 月考. */
export function scheduleMonths(kind: CycleKind) {
  const months = cycleKindDescriptors[kind].scheduleMonths;
  return months === 'every' ? {} : { month: months.map((m) => MONTHS[m - 1]!) };
}

export const periodScheduleId = (taskQueue: string, cadence: Cadence) => `${taskQueue}/${cadence}-evaluation`;

export function periodSchedule(cadence: Cadence, taskQueue: string, timeZone: string): ScheduleOptions {
  return {
    scheduleId: periodScheduleId(taskQueue, cadence),
    spec: {
      // 00:00 local time on the first day of each period, for the period just ended.
      calendars: [{ ...scheduleMonths(cadence), dayOfMonth: 1, hour: 0, minute: 0 }],
      timezone: timeZone,
    },
    action: { type: 'startWorkflow', workflowType: scheduledPeriodCycle, workflowId: `${taskQueue}/scheduled-${cadence}`, taskQueue, args: [cadence] },
    // A cycle already running is no reason to skip the next period's start, and a server that
    // was down at a period's start still starts the missed period within a month.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '30 days' },
    memo: { purpose: cycleKindDescriptors[cadence].purpose },
  };
}

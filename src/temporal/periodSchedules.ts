// The Schedules of the period evaluations: 月考, 季考 and 半年考, one of each per county. All
// three always exist; the launcher starts a month's or half-year's cycle only when the county's
// rule set in force evaluates it.
import { MONTHS, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { CycleKind } from '../contracts/cycles.js';
import { cycleKindDescriptors, type Cadence } from '../core/cadences.js';
import { scheduledPeriodCycle } from '../workflows/scheduledCycle.js';

/** Where a county's Schedules start their launchers. */
export interface ScheduleTarget {
  countyId: string;
  taskQueue: string;
  /** The county's local time zone: periods turn at its midnight. */
  timeZone: string;
}

/** The calendar months of a kind's Schedule, none (every month) for 月考. */
export function scheduleMonths(kind: CycleKind) {
  const months = cycleKindDescriptors[kind].scheduleMonths;
  return months === 'every' ? {} : { month: months.map((m) => MONTHS[m - 1]!) };
}

export const periodScheduleId = (taskQueue: string, cadence: Cadence, countyId: string) => `${taskQueue}/${cadence}-evaluation-${countyId}`;

/** The one Schedule per cadence of the release before counties; deleted at start-up. */
export const uncountiedPeriodScheduleId = (taskQueue: string, cadence: Cadence) => `${taskQueue}/${cadence}-evaluation`;

const cadenceZh: Record<Cadence, string> = { monthly: '月考', quarterly: '季考', 'half-year': '半年考' };

export function periodSchedule(cadence: Cadence, { countyId, taskQueue, timeZone }: ScheduleTarget): ScheduleOptions {
  return {
    scheduleId: periodScheduleId(taskQueue, cadence, countyId),
    spec: {
      // 00:00 local time on the first day of each period, for the period just ended.
      calendars: [{ ...scheduleMonths(cadence), dayOfMonth: 1, hour: 0, minute: 0 }],
      timezone: timeZone,
    },
    action: {
      type: 'startWorkflow',
      workflowType: scheduledPeriodCycle,
      workflowId: `${taskQueue}/scheduled-${cadence}-${countyId}`,
      taskQueue,
      // The county is the launcher's last argument.
      args: [cadence, countyId],
      staticSummary: `${countyId} ${cadenceZh[cadence]}定时启动`,
    },
    // A cycle already running is no reason to skip the next period's start, and a server that
    // was down at a period's start still starts the missed period within a month.
    policies: { overlap: ScheduleOverlapPolicy.BUFFER_ONE, catchupWindow: '30 days' },
    memo: { purpose: cycleKindDescriptors[cadence].purpose, countyId },
  };
}

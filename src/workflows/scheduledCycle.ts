import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { cycleKindDescriptors, type Cadence } from '../core/cadences.js';
import { formatPeriod, periodJustEnded } from '../core/calendar.js';
import { cycleId } from '../contracts/cycles.js';
import { periodEvaluation } from './periodEvaluation.js';
import { scheduledStart } from './scheduledStart.js';
import { startCycle } from './startCycle.js';

const { cadenceInForce } = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

export interface ScheduledCycle {
  cycleId: string;
  started: boolean;
  notEvaluated?: string;
}

/**
 * Started by a cadence's Schedule. A Schedule can only pass fixed arguments and appends a
 * timestamp to the workflow id, so this launcher works out the period just ended from its
 * scheduled time and starts the cycle under the cycle id, where a cycle already started by hand
 * makes the start a no-op. A month or half-year the rule set in force does not evaluate is skipped,
 * so a version that adds 月考 takes effect from its date without touching the Schedules.
 */
export async function scheduledPeriodCycle(cadence: Cadence): Promise<ScheduledCycle> {
  const firedAt = scheduledStart();
  const period = formatPeriod(periodJustEnded(cadence, firedAt.toISOString()));
  const id = cycleId(cadence, period);
  if (!cycleKindDescriptors[cadence].alwaysEvaluated) {
    const inForce = await cadenceInForce({ period });
    if (!inForce.evaluated) return { cycleId: id, started: false, notEvaluated: inForce.reason };
  }
  return startCycle(periodEvaluation, id, { cycleId: id, period });
}

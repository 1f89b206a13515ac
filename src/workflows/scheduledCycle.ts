import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { cycleKindDescriptors, type Cadence } from '../core/cadences.js';
import { formatPeriod, periodJustEnded } from '../core/calendar.js';
import { cycleLabels, legacyCountyId } from '../contracts/cycles.js';
import { periodEvaluation } from './periodEvaluation.js';
import { scheduledStart } from './scheduledStart.js';
import { startCycle } from './startCycle.js';

const { cadenceInForce, cycleToStart } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

export interface ScheduledCycle {
  cycleId: string;
  started: boolean;
  notEvaluated?: string;
}

/**
 * Started by a cadence's Schedule of one county. A Schedule can only pass fixed arguments and
 * appends a timestamp to the workflow id, so this launcher works out the period just ended from
 * its scheduled time and starts the county's cycle under its cycle id, where a cycle already
 * started by hand (or made before counties, under its old id) makes the start a no-op. A month or
 * half-year the county's rule set in force does not evaluate is skipped, so a version that adds
 * 月考 takes effect from its date without touching the Schedules.
 */
export async function scheduledPeriodCycle(cadence: Cadence, countyId?: string): Promise<ScheduledCycle> {
  const firedAt = scheduledStart();
  const period = formatPeriod(periodJustEnded(cadence, firedAt.toISOString()));
  // Launchers that began before counties finish as they began: the cycle id without a county.
  if (!patched('county-cycles')) {
    const id = `${cadence}-${period}`;
    if (!cycleKindDescriptors[cadence].alwaysEvaluated) {
      const inForce = await cadenceInForce({ period });
      if (!inForce.evaluated) return { cycleId: id, started: false, notEvaluated: inForce.reason };
    }
    return startCycle(periodEvaluation, id, { cycleId: id, period });
  }
  const county = countyId ?? legacyCountyId;
  const target = await cycleToStart({ countyId: county, kind: cadence, period });
  if (!cycleKindDescriptors[cadence].alwaysEvaluated) {
    const inForce = await cadenceInForce({ period, countyId: county });
    if (!inForce.evaluated) return { cycleId: target.cycleId, started: false, notEvaluated: inForce.reason };
  }
  return startCycle(
    periodEvaluation,
    target.cycleId,
    { cycleId: target.cycleId, period, countyId: county },
    cycleLabels({ id: target.cycleId, kind: cadence, period, countyId: county, countyName: target.countyName }, { launcher: workflowInfo().workflowId }),
  );
}

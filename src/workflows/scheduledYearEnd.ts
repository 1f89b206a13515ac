import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { cycleLabels, legacyCountyId } from '../contracts/cycles.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { scheduledStart } from './scheduledStart.js';
import { startCycle } from './startCycle.js';
import { yearEndEvaluation } from './yearEndEvaluation.js';

const { cycleToStart } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { nonRetryableErrorTypes: permanentFailureTypes },
});

/**
 * Started by a county's year-end Schedule in January: works out the year just ended from the
 * scheduled time and starts the county's year-end cycle under its cycle id, so a cycle started by
 * hand makes this a no-op. The Schedule fires mid-January, far from the turn of the year in any
 * time zone.
 */
export async function scheduledYearEnd(countyId?: string): Promise<{ cycleId: string; started: boolean }> {
  const firedAt = scheduledStart();
  const year = firedAt.getUTCFullYear() - 1;
  // Launchers that began before counties finish as they began: the cycle id without a county.
  if (!patched('county-cycles')) {
    const id = `year-end-${year}`;
    return startCycle(yearEndEvaluation, id, { cycleId: id, year });
  }
  const county = countyId ?? legacyCountyId;
  const period = String(year);
  const target = await cycleToStart({ countyId: county, kind: 'year-end', period });
  return startCycle(
    yearEndEvaluation,
    target.cycleId,
    { cycleId: target.cycleId, year, countyId: county },
    cycleLabels({ id: target.cycleId, kind: 'year-end', period, countyId: county, countyName: target.countyName }, { launcher: workflowInfo().workflowId }),
  );
}

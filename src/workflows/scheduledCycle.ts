import { quarterJustEnded, quarterPeriod } from '../core/periods.js';
import { quarterlyEvaluation } from './quarterlyEvaluation.js';
import { scheduledStart } from './scheduledStart.js';
import { startCycle } from './startCycle.js';

/**
 * Started by the quarterly Schedule. A Schedule can only pass fixed arguments and appends a
 * timestamp to the workflow id, so this launcher works out the quarter just ended from its
 * scheduled time and starts the cycle under the cycle id, where a cycle already started by
 * hand makes the start a no-op.
 */
export async function scheduledQuarterlyCycle(): Promise<{ cycleId: string; started: boolean }> {
  const firedAt = scheduledStart();
  const { year, quarter } = quarterJustEnded(firedAt.toISOString());
  const period = quarterPeriod(year, quarter);
  const cycleId = `quarterly-${period}`;
  return startCycle(quarterlyEvaluation, cycleId, { cycleId, period });
}

import { cycleId } from '../contracts/cycles.js';
import { scheduledStart } from './scheduledStart.js';
import { startCycle } from './startCycle.js';
import { yearEndEvaluation } from './yearEndEvaluation.js';

/**
 * Started by the year-end Schedule in January: works out the year just ended from the scheduled
 * time and starts its cycle under the cycle id, so a cycle started by hand makes this a no-op.
 * The Schedule fires mid-January, far from the turn of the year in any time zone.
 */
export async function scheduledYearEnd(): Promise<{ cycleId: string; started: boolean }> {
  const firedAt = scheduledStart();
  const year = firedAt.getUTCFullYear() - 1;
  const id = cycleId('year-end', String(year));
  return startCycle(yearEndEvaluation, id, { cycleId: id, year });
}

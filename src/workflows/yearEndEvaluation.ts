import { proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { heartbeating, singleTransaction } from './activityTimeouts.js';
import type { CycleProgress } from '../contracts/cycles.js';
import { daysMs } from '../core/time.js';
import { failingVisibly } from './cycleFailure.js';
import { decideThenFollowUp } from './followUps.js';
import { cycleProgressQuery } from './messages.js';

const retry = { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes };
const { undecidedQuarters } = proxyActivities<ReturnType<typeof createActivities>>({ ...singleTransaction, retry });
const { decideYearEnd } = proxyActivities<ReturnType<typeof createActivities>>({ ...heartbeating, retry });

export interface YearEndEvaluationInput {
  /** year-end-<year>-<county> (year-end-<year> before counties) */
  cycleId: string;
  year: number;
  /** The county whose year it is; runs started before counties have none: county-1. */
  countyId?: string;
  /** Days to wait for the year's quarterly cycles (Q4's collects figures into January). */
  waitDays?: number;
}

/**
 * Ranks a county's year and rewards it once its four quarters (the county's own) are decided. A quarter still undecided
 * is waited for, checked daily, up to `waitDays`; after that the year is decided on the quarters
 * there are, and the summary says which. A year that cannot be decided ends failed, recorded and
 * told (see cycleFailure.ts).
 */
export async function yearEndEvaluation(input: YearEndEvaluationInput) {
  const progress: CycleProgress = { step: 'waiting-for-quarters', waitingFor: [] };
  setHandler(cycleProgressQuery, () => progress);
  const waitDays = input.waitDays ?? 30;
  progress.deadline = new Date(Date.now() + daysMs(waitDays)).toISOString();
  return failingVisibly({ cycleId: input.cycleId, period: String(input.year), countyId: input.countyId }, progress, async () => {
    for (let day = 0; ; day++) {
      const pending = await undecidedQuarters({ year: input.year, countyId: input.countyId });
      progress.waitingForQuarters = pending;
      if (pending.length === 0 || day >= waitDays) break;
      await sleep('1 day');
    }
    return decideThenFollowUp(progress, () => decideYearEnd({ cycleId: input.cycleId, year: input.year, countyId: input.countyId }));
  });
}

import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { heartbeating, singleTransaction } from './activityTimeouts.js';
import type { CycleProgress } from '../contracts/cycles.js';
import { metricsMissingNoticeId } from '../contracts/notices.js';
import { daysMs } from '../core/time.js';
import { failingVisibly } from './cycleFailure.js';
import { deliverNotices } from './deliveries.js';
import { decideThenFollowUp } from './followUps.js';
import { cycleProgressQuery, figuresSubmittedSignal } from './messages.js';

const retry = { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes };
const { openCycle, requestMissingFigures, findMissingFigures } = proxyActivities<ReturnType<typeof createActivities>>({ ...singleTransaction, retry });
const { decideAndPersist, deriveRegisterFigures } = proxyActivities<ReturnType<typeof createActivities>>({ ...heartbeating, retry });

export interface PeriodEvaluationInput {
  cycleId: string;
  /** A quarter 2026-Q1, or, when the rule set defines them, a month 2026-03 or a half-year 2026-H1. */
  period: string;
  /** The county whose period it is; runs started before counties have none (their cycle row says, else county-1). */
  countyId?: string;
  /** Overrides the rule set's metricsDeadlineDays. */
  deadlineDays?: number;
}

/**
 * Collects a period's figures until they are complete or the deadline passes, then decides: the one
 * workflow behind 月考, 季考 and 半年考, whose cadence the period's form gives. A cycle that cannot
 * be decided ends failed, recorded and told (see cycleFailure.ts).
 */
export async function periodEvaluation(input: PeriodEvaluationInput) {
  const progress: CycleProgress = { step: 'opening', waitingFor: [] };
  let figuresArrived = false;
  setHandler(cycleProgressQuery, () => progress);
  setHandler(figuresSubmittedSignal, () => {
    figuresArrived = true;
  });
  return failingVisibly(input, progress, async () => {
    const cycle = await openCycle({ cycleId: input.cycleId, period: input.period, countyId: input.countyId });
    // The figures the rule set derives from the population register are nobody's to wait for:
    // derived on opening, for all to see, and again before deciding, with the records entered since.
    const derives = patched('register-derivations');
    if (derives) await deriveRegisterFigures({ cycleId: input.cycleId });
    progress.waitingFor = cycle.missing;
    if (progress.waitingFor.length > 0) {
      const deadline = Date.now() + daysMs(input.deadlineDays ?? cycle.deadlineDays);
      progress.deadline = new Date(deadline).toISOString();
      progress.step = 'requesting-figures';
      const chased = await requestMissingFigures({ cycleId: input.cycleId, period: input.period, missing: progress.waitingFor, deadline: progress.deadline });
      // Cycles started before the chase went out by every channel replay without these starts.
      if (patched('chase-by-every-channel')) {
        await deliverNotices(chased.departments.map((d) => metricsMissingNoticeId(input.cycleId, d)));
      }
      progress.step = 'waiting-for-figures';
      while (progress.waitingFor.length > 0 && deadline > Date.now()) {
        if (!(await condition(() => figuresArrived, deadline - Date.now()))) break;
        figuresArrived = false;
        progress.waitingFor = await findMissingFigures({ cycleId: input.cycleId });
      }
    }
    const underived = derives ? (await deriveRegisterFigures({ cycleId: input.cycleId })).gaps : [];
    return decideThenFollowUp(progress, () => decideAndPersist({ cycleId: input.cycleId, gaps: [...progress.waitingFor, ...underived] }));
  });
}

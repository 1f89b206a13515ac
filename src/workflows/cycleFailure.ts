// A cycle that meets a failure no retry can mend ends failed instead of retrying for ever: its
// row says why and what to fix, the bureau head is told by every channel, and since the run
// failed, the cycle can be started again under its id once the cause is fixed.
import { ActivityFailure, ApplicationFailure, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { cycleKindOf, type CycleProgress } from '../contracts/cycles.js';
import { permanentFailureTypes, type FailureExplanation } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import { isPermanentFailureType, permanentFailures } from '../core/failures.js';
import { deliverNotices } from './deliveries.js';

const { recordCycleFailure } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

/** The permanent failure behind an activity's failure, with its fix; undefined for anything else. */
function explained(err: unknown): FailureExplanation | undefined {
  if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure)) return undefined;
  const { type, message, details } = err.cause;
  if (!isPermanentFailureType(type)) return undefined;
  const fix = (details?.[0] as { fix?: unknown } | undefined)?.fix;
  return { type, reason: message, fix: typeof fix === 'string' ? fix : permanentFailures[type].fix };
}

/** Runs a cycle's steps; a permanent failure among them is recorded and told before the run fails with it. */
export async function failingVisibly<T>(
  cycle: { cycleId: string; period: string; countyId?: string },
  progress: CycleProgress,
  steps: () => Promise<T>,
): Promise<T> {
  try {
    return await steps();
  } catch (err) {
    const failure = explained(err);
    // Cycles that failed before failures were recorded replay without the record.
    if (!failure || !patched('cycle-failure-recorded')) throw err;
    progress.step = 'failed';
    progress.failure = failure;
    const { noticeId } = await recordCycleFailure({
      cycleId: cycle.cycleId,
      kind: cycleKindOf(cycle.cycleId),
      period: cycle.period,
      countyId: cycle.countyId,
      run: workflowInfo().runStartTime.toISOString(),
      failure,
    });
    await deliverNotices([noticeId]);
    throw err;
  }
}

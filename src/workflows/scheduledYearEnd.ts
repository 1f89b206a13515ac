import { ParentClosePolicy, WorkflowIdReusePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { yearEndEvaluation } from './yearEndEvaluation.js';

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * Started by the year-end Schedule in January: works out the year just ended from the scheduled
 * time and starts its cycle under the cycle id, so a cycle started by hand makes this a no-op.
 * The Schedule fires mid-January, far from the turn of the year in any time zone.
 */
export async function scheduledYearEnd(): Promise<{ cycleId: string; started: boolean }> {
  const info = workflowInfo();
  const firedAt = info.typedSearchAttributes.get(scheduledStartTime) ?? info.startTime;
  const year = firedAt.getUTCFullYear() - 1;
  const cycleId = `year-end-${year}`;
  try {
    await startChild(yearEndEvaluation, {
      workflowId: cycleId,
      args: [{ cycleId, year }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    });
    return { cycleId, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { cycleId, started: false };
    throw err;
  }
}

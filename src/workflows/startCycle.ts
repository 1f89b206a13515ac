import { ParentClosePolicy, WorkflowIdReusePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';

/** How the Temporal UI shows a cycle a launcher starts: its summary, details and memo. */
export interface CycleLabels {
  staticSummary?: string;
  staticDetails?: string;
  memo?: Record<string, unknown>;
}

/**
 * Starts a cycle from a Schedule's launcher under its cycle id, outliving the launcher; a cycle
 * already running or decided (started by hand, or by an earlier firing) makes this a no-op rather
 * than a failure, while one whose run failed (started too early by hand, say) is started again.
 */
export async function startCycle<A>(
  workflow: (input: A) => Promise<unknown>,
  cycleId: string,
  input: A,
  labels: CycleLabels = {},
): Promise<{ cycleId: string; started: boolean }> {
  try {
    await startChild(workflow, {
      workflowId: cycleId,
      args: [input],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      ...labels,
    });
    return { cycleId, started: true };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { cycleId, started: false };
    throw err;
  }
}

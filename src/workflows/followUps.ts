import { ParentClosePolicy, WorkflowIdReusePolicy, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';

export interface FollowUp {
  workflowType: string;
  /** Derived from the business key (e.g. the notice or obligation id), never from a run id. */
  workflowId: string;
  args: unknown[];
}

/** Starts each follow-up as an abandoned child: it outlives the cycle, and a repeat start is a no-op. */
export async function startFollowUps(followUps: FollowUp[]): Promise<void> {
  for (const f of followUps) {
    try {
      await startChild(f.workflowType, {
        workflowId: f.workflowId,
        args: f.args,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}

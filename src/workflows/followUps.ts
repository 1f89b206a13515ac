import { ParentClosePolicy, WorkflowIdReusePolicy, patched, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CycleProgress } from '../contracts/cycles.js';
import type { FollowUp } from '../contracts/followUps.js';
import { followUpSummary } from '../contracts/summaries.js';

/** Starts each follow-up as an abandoned child: it outlives the cycle, and a repeat start is a no-op. */
export async function startFollowUps(followUps: FollowUp[]): Promise<void> {
  // All at once, their commands in one workflow task: one by one, a page of 500 payment
  // verifications took 500 round trips to the server. Runs begun before start them one by one.
  if (followUps.length > 1 && patched('follow-ups-started-together')) {
    await Promise.all(followUps.map(startFollowUp));
    return;
  }
  for (const f of followUps) await startFollowUp(f);
}

async function startFollowUp(f: FollowUp): Promise<void> {
  try {
    await startChild(f.workflowType, {
      workflowId: f.workflowId,
      args: f.args,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      // Metadata only: the commands, and so the replay of older histories, stay as they were.
      staticSummary: followUpSummary(f.workflowType, f.workflowId),
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/** The last steps every cycle shares: decide, then start what follows from the decisions. */
export async function decideThenFollowUp<T extends { followUps: FollowUp[] }>(progress: CycleProgress, decide: () => Promise<T>): Promise<T> {
  progress.step = 'deciding';
  const summary = await decide();
  progress.step = 'starting-follow-ups';
  await startFollowUps(summary.followUps);
  progress.step = 'done';
  return summary;
}

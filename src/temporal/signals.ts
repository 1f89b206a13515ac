// The API's messages to running workflows, and the deliveries of the notices it publishes itself.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { WorkflowSignals } from '../cycles/port.js';
import { noticeDeliveryFollowUp } from '../contracts/notices.js';
import { followUpSummary } from '../contracts/summaries.js';
import { coalescer } from './coalescedSignals.js';

/** At most one wake-up a second per workflow from this process: a live count a second late is fine. */
const wakeIntervalMs = 1000;

/**
 * `beyondInbox`: whether this process's configuration names a channel beyond the inbox; without
 * one a notice the API publishes is delivered already (it is in the inbox) and no workflow starts.
 */
export function createTemporalSignals(client: Client, taskQueue: string, beyondInbox: boolean): WorkflowSignals {
  const wakes = coalescer<boolean>(wakeIntervalMs);
  return {
    async signal(workflowId, signalName, arg) {
      try {
        await client.workflow.getHandle(workflowId).signal(signalName, arg);
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },

    // Only wake-ups go this way (a visit for its month), so calls close together share one signal.
    signalWithStart: ({ workflowType, workflowId, args }, signalName, arg) =>
      wakes.send(workflowId, async () => {
        try {
          await client.workflow.signalWithStart(workflowType, {
            workflowId,
            taskQueue,
            args,
            signal: signalName,
            signalArgs: [arg],
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            staticSummary: followUpSummary(workflowType, workflowId),
          });
          return true;
        } catch (err) {
          if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
          throw err;
        }
      }),

    async deliverNotice(noticeId) {
      if (!beyondInbox) return;
      const { workflowType, workflowId, args } = noticeDeliveryFollowUp(noticeId);
      try {
        await client.workflow.start(workflowType, {
          workflowId,
          taskQueue,
          args,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          staticSummary: followUpSummary(workflowType, workflowId),
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },
  };
}

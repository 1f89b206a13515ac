// The API's messages to running workflows, and the deliveries of the notices it publishes itself.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { WorkflowSignals } from '../cycles/port.js';
import { noticeDeliveryFollowUp } from '../contracts/notices.js';
import { followUpSummary } from '../contracts/summaries.js';
import type { Logger } from '../api/log.js';
import { coalescer } from './coalescedSignals.js';

/**
 * At most one wake-up every ten seconds per workflow from this process; a lone visit still wakes
 * its month at once. Each wake-up costs the worker two workflow tasks and a recount: at one a
 * second, a busy county's visits took some 10 % of the service's CPU for a live count nobody reads
 * sooner than the next reminder.
 */
const defaultWakeIntervalMs = 10_000;
/** How many workflows this process remembers as running; past it, it forgets them all and learns again. */
const knownRunningLimit = 10_000;

/**
 * `beyondInbox`: whether this process's configuration names a channel beyond the inbox; without
 * one a notice the API publishes is delivered already (it is in the inbox) and no workflow starts.
 */
export function createTemporalSignals(
  client: Client,
  taskQueue: string,
  beyondInbox: boolean,
  log: Logger,
  wakeIntervalMs = defaultWakeIntervalMs,
): WorkflowSignals {
  const wakes = coalescer<boolean>(wakeIntervalMs);
  // A caller waits for its workflow's start once. After that a wake-up shared with others may
  // wait up to ten seconds for its turn: measured at 200 requests/s with one a second, waiting for it
  // made a visit's p95 1,058 ms. The wake-up only prompts a recount the workflow's reminders make anyway.
  const knownRunning = new Set<string>();
  const forget = (workflowId: string) => knownRunning.delete(workflowId);
  const wake = (start: { workflowType: string; workflowId: string; args: unknown[] }, signalName: string, arg: unknown) =>
    wakes.send(start.workflowId, async () => {
      try {
        await client.workflow.signalWithStart(start.workflowType, {
          workflowId: start.workflowId,
          taskQueue,
          args: start.args,
          signal: signalName,
          signalArgs: [arg],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          staticSummary: followUpSummary(start.workflowType, start.workflowId),
        });
        return true;
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
        throw err;
      }
    });
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
    async signalWithStart(start, signalName, arg) {
      const sent = wake(start, signalName, arg);
      if (!knownRunning.has(start.workflowId)) {
        const running = await sent;
        if (running) {
          if (knownRunning.size >= knownRunningLimit) knownRunning.clear();
          knownRunning.add(start.workflowId);
        }
        return running;
      }
      sent.then(
        (running) => running || forget(start.workflowId),
        (err: unknown) => {
          forget(start.workflowId);
          log.warn({ err, workflowId: start.workflowId }, 'a wake-up was not delivered; the workflow recounts at its next reminder');
        },
      );
      return true;
    },

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

// The cycle port on Temporal: the workflow id is the cycle id, so Temporal itself refuses a
// second start of a period running or decided; only a run that failed may be followed by another.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { cycleProgressQuery, figuresSubmittedSignal } from '../workflows/messages.js';
import { periodEvaluation } from '../workflows/periodEvaluation.js';
import { parsePeriod } from '../core/calendar.js';
import { yearEndEvaluation } from '../workflows/yearEndEvaluation.js';
import { appealReview } from '../workflows/appealReview.js';
import { appealWorkflowId } from '../contracts/appeals.js';
import { cycleId, cycleKindOf } from '../contracts/cycles.js';
import { CycleAlreadyStartedError, type CyclePort, type CycleStatus } from './port.js';

export function createTemporalCycles(client: Client, taskQueue: string): CyclePort {
  return {
    async start(kind, period, actor) {
      const id = cycleId(kind, period);
      try {
        const common = { workflowId: id, taskQueue, workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY, memo: { startedBy: actor } };
        if (kind === 'year-end') await client.workflow.start(yearEndEvaluation, { ...common, args: [{ cycleId: id, year: Number(period) }] });
        else await client.workflow.start(periodEvaluation, { ...common, args: [{ cycleId: id, period }] });
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) throw new CycleAlreadyStartedError(id);
        throw err;
      }
      return { cycleId: id };
    },

    async status(id) {
      const handle = client.workflow.getHandle(id);
      let description;
      try {
        description = await handle.describe();
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      }
      const kind = cycleKindOf(id);
      const status: CycleStatus = { cycleId: id, kind, period: id.slice(kind.length + 1), execution: description.status.name };
      if (description.status.name === 'RUNNING') Object.assign(status, await handle.query(cycleProgressQuery));
      return status;
    },

    async startAppeal(appealId, timing) {
      try {
        await client.workflow.start(appealReview, {
          workflowId: appealWorkflowId(appealId),
          taskQueue,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [{ appealId, remindEveryDays: timing.remindEveryDays, escalateAfterDays: timing.decideWithinDays }],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },

    async metricsSubmitted(period, community, metrics) {
      try {
        await client.workflow.getHandle(cycleId(parsePeriod(period).cadence, period)).signal(figuresSubmittedSignal, { community, metrics });
      } catch (err) {
        // No cycle of that period is running: the figures simply wait for it.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },
  };
}

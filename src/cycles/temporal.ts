// The cycle port on Temporal: the workflow id is the cycle id, so Temporal itself refuses a
// second start of a period running or decided; only a run that failed may be followed by another.
// Given the database, it finds the id a county's period already has (a cycle made before counties
// keeps its old one) and the county's name for the summary the Temporal UI shows.
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { cycleProgressQuery, figuresSubmittedSignal } from '../workflows/messages.js';
import { periodEvaluation } from '../workflows/periodEvaluation.js';
import { parsePeriod } from '../core/calendar.js';
import { yearEndEvaluation } from '../workflows/yearEndEvaluation.js';
import { appealReview } from '../workflows/appealReview.js';
import { appealWorkflowId } from '../contracts/appeals.js';
import { cycleId, cycleLabels, parseCycleId, type CycleKind } from '../contracts/cycles.js';
import { cycleIdInCounty } from '../db/cycles.js';
import type { Db } from '../db/client.js';
import { followUpSummary } from '../contracts/summaries.js';
import { CycleAlreadyStartedError, type CyclePort, type CycleStatus } from './port.js';

/** `db`: without it, cycles start under `<kind>-<period>-<county>` and show the county's id for its name. */
export function createTemporalCycles(client: Client, taskQueue: string, db?: Db): CyclePort {
  const idOf = (countyId: string, kind: CycleKind, period: string) => (db ? cycleIdInCounty(db, countyId, kind, period) : cycleId(kind, period, countyId));
  const countyName = async (countyId: string) => (db ? (await db.county.findUnique({ where: { id: countyId } }))?.name : undefined) ?? countyId;

  return {
    async start(countyId, kind, period, startedBy) {
      const id = await idOf(countyId, kind, period);
      const name = await countyName(countyId);
      try {
        const common = {
          workflowId: id,
          taskQueue,
          workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
          ...cycleLabels({ id, kind, period, countyId, countyName: name }, startedBy),
        };
        if (kind === 'year-end') await client.workflow.start(yearEndEvaluation, { ...common, args: [{ cycleId: id, year: Number(period), countyId }] });
        else await client.workflow.start(periodEvaluation, { ...common, args: [{ cycleId: id, period, countyId }] });
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
      const { kind, period } = parseCycleId(id);
      const status: CycleStatus = { cycleId: id, kind, period, execution: description.status.name };
      if (description.status.name === 'RUNNING') Object.assign(status, await handle.query(cycleProgressQuery));
      return status;
    },

    async startAppeal(appealId, timing) {
      const workflowId = appealWorkflowId(appealId);
      try {
        await client.workflow.start(appealReview, {
          workflowId,
          taskQueue,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [{ appealId, remindEveryDays: timing.remindEveryDays, escalateAfterDays: timing.decideWithinDays }],
          staticSummary: followUpSummary('appealReview', workflowId),
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },

    async metricsSubmitted(countyId, period, community, metrics) {
      try {
        const id = await idOf(countyId, parsePeriod(period).cadence, period);
        await client.workflow.getHandle(id).signal(figuresSubmittedSignal, { community, metrics });
      } catch (err) {
        // No cycle of that period is running: the figures simply wait for it.
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    },
  };
}

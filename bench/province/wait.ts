// When a province's quarter is done: every cycle decided (its row), then every follow-up the
// decisions call for started (visibility counts against the database's notices and cycles with
// obligations, every obligation looked at once), the short-lived ones finished, and every
// long-lived one idle — waiting on its timer with no workflow task, activity or child start
// pending (described one by one).
import type { Client } from '@temporalio/client';
import type { Db } from '../../src/db/client.js';
import { inParallel } from './http.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitForDecisions(db: Db, cycles: number, onPoll: () => void): Promise<void> {
  for (;;) {
    onPoll();
    const rows = await db.cycle.groupBy({ by: ['status'], _count: true });
    const failed = rows.find((r) => r.status === 'failed');
    if (failed) throw new Error(`${failed._count} cycle(s) failed: ${JSON.stringify(await db.cycle.findFirst({ where: { status: 'failed' } }))}`);
    if ((rows.find((r) => r.status === 'decided')?._count ?? 0) === cycles) return;
    await pause(500);
  }
}

export interface Expected {
  jointNotices: number;
  obligations: number;
  /** Cycles with obligations: one payment verification each. */
  paymentCycles: number;
}

export async function expectedFollowUps(db: Db): Promise<Expected> {
  const [jointNotices, obligations, paymentCycles] = await Promise.all([
    db.notice.count({ where: { kind: 'joint-notice', withdrawnAt: null } }),
    db.paymentObligation.count(),
    db.paymentObligation.groupBy({ by: ['cycleId'] }).then((rows) => rows.length),
  ]);
  return { jointNotices, obligations, paymentCycles };
}

/** Every obligation looked at once by its cycle's verification, which keeps its state on the row. */
const unlooked = (db: Db) => db.paymentObligation.count({ where: { lookedAt: null } });

export async function waitForFollowUps(
  client: Client,
  db: Db,
  taskQueue: string,
  expected: Expected,
  onPoll: () => void,
  say: (line: string) => void,
): Promise<void> {
  const count = async (type: string, running = false) =>
    (await client.workflow.count(`TaskQueue = '${taskQueue}' AND WorkflowType = '${type}'${running ? ` AND ExecutionStatus = 'Running'` : ''}`)).count;
  for (;;) {
    onPoll();
    const [verifications, chases, notLooked, ...stillRunning] = await Promise.all([
      count('cyclePaymentVerification'),
      count('jointNoticeAcknowledgement'),
      unlooked(db),
      count('periodEvaluation', true),
      count('noticeDelivery', true),
    ]);
    if (verifications >= expected.paymentCycles && chases >= expected.jointNotices && notLooked === 0 && stillRunning.every((n) => n === 0)) break;
    await pause(1000);
  }
  say('every follow-up started; waiting for each to reach its wait');
  // Started is not done: each long-lived follow-up must have reached its wait.
  let busy = await runningIds(client, taskQueue);
  while (busy.length) {
    const still: string[] = [];
    await inParallel(busy, 16, async (id) => {
      const { raw } = await client.workflow.getHandle(id).describe();
      if (raw.pendingWorkflowTask || raw.pendingActivities?.length || raw.pendingChildren?.length) still.push(id);
    });
    busy = still;
    if (busy.length) await pause(1000);
  }
}

async function runningIds(client: Client, taskQueue: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const w of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) ids.push(w.workflowId);
  return ids;
}

export interface Histories {
  executions: number;
  events: number;
  largest: { workflowId: string; type: string; events: number };
  byType: Record<string, number>;
}

/** Every execution of the run (a run continued as new counts again) and its history's length. */
export async function histories(client: Client, taskQueue: string): Promise<Histories> {
  const result: Histories = { executions: 0, events: 0, largest: { workflowId: '', type: '', events: 0 }, byType: {} };
  const running: { workflowId: string; runId: string; type: string }[] = [];
  const add = (workflowId: string, type: string, events: number) => {
    result.executions += 1;
    result.events += events;
    result.byType[type] = (result.byType[type] ?? 0) + 1;
    if (events > result.largest.events) result.largest = { workflowId, type, events };
  };
  for await (const w of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    // Visibility records a running workflow's history length only when it closes.
    if (w.status.name === 'RUNNING') running.push({ workflowId: w.workflowId, runId: w.runId, type: w.type });
    else add(w.workflowId, w.type, w.historyLength);
  }
  await inParallel(running, 16, async ({ workflowId, runId, type }) => {
    add(workflowId, type, (await client.workflow.getHandle(workflowId, runId).describe()).historyLength);
  });
  return result;
}

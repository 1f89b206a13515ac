// The whole service (src/main.ts with its in-process worker) killed with SIGKILL twice in one
// quarter — once while deciding, once while the payment verifications settle — and started again
// on the same database and Temporal namespace. Each kill lands inside an activity: its write is
// held on a lock until the process is dead, so the open transaction dies with it.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { demoSubmissions } from '../support/figures.js';
import { devNamespaces } from '../support/namespaces.js';
import { expectWorkflowsOfQuarters } from './support/cycleWorkflows.js';
import { holdWrites } from './support/heldWrites.js';
import { activityStarted } from './support/pendingActivities.js';
import { startServiceProcess, type RunningProcess } from './support/processes.js';
import {
  allSettled,
  apiOf,
  countyTokens,
  type CountyTokens,
  demoOffices,
  expectRowsOfQuarters,
  confirmAll,
  payAll,
  startCycle,
  submitFigures,
} from './support/quarters.js';
import { cyclePaymentWorkflowId } from '../../src/contracts/payments.js';
import { cycleProgressQueryName, type CycleProgress } from '../../src/contracts/cycles.js';

const namespace = devNamespaces.faultsServiceCrash;
const token = 'faults-service-crash-token-0123';
// One namespace for both: each database its own quarter, so workflow ids never meet.
const providers = [
  { name: 'SQLite', period: '2026-Q1', database: () => freshSqlite('faults-service-crash') },
  { name: 'PostgreSQL', period: '2026-Q2', database: () => freshPostgres('faults-service-crash') },
];

describe.each(providers)('the service on $name', ({ name, period, database }) => {
  let fresh: TestDb;
  let service: (RunningProcess & { apiUrl: string }) | undefined;
  let connection: Connection;
  let client: Client;
  let starts = 0;
  let tokens: CountyTokens;
  const call = apiOf(() => service!.apiUrl, token);

  const start = async () => {
    service = await startServiceProcess(`service-${name}-${++starts}`, {
      DATABASE_URL: fresh.url,
      TEMPORAL_ADDRESS: inject('devServerAddress'),
      TEMPORAL_NAMESPACE: namespace,
      TASK_QUEUE: `faults-service-crash-${name}`,
      HTTP_PORT: '0',
      BUREAU_TOKEN: token,
    });
  };

  /** SIGKILL while the activity holds its transaction open on the lock, then the lock is let go. */
  const killInside = async (workflowIds: string[], type: string | undefined, tables: string[]) => {
    const held = await holdWrites(fresh.url, tables);
    try {
      await activityStarted(client, workflowIds, type).catch((err: Error) => {
        throw new Error(`${err.message}\nthe service printed:\n${service!.output().slice(-3000)}`);
      });
      expect(await service!.kill('SIGKILL')).toBeNull();
    } finally {
      await held.release();
    }
  };

  beforeAll(async () => {
    fresh = await database();
    connection = await Connection.connect({ address: inject('devServerAddress') });
    client = new Client({ connection, namespace });
    await start();
    tokens = await countyTokens(fresh.url);
  });

  afterAll(async () => {
    await service?.kill('SIGKILL');
    await connection?.close();
    await fresh?.drop();
  });

  it('killed with SIGKILL inside deciding and inside settlement, then restarted on the same database: the quarter completes, no row missing or doubled', async () => {
    // All figures but the last department's: the cycle opens and waits for them.
    const submissions = demoSubmissions(demoOffices);
    await submitFigures(call, tokens, period, submissions.slice(0, -1));
    const cycleId = await startCycle(call, period);
    const progress = () => client.workflow.getHandle(cycleId).query<CycleProgress>(cycleProgressQueryName);
    await expect.poll(async () => (await progress()).step, { timeout: 120_000, interval: 500 }).toBe('waiting-for-figures');
    // The last figures arrive; deciding starts at once and its decisions wait on the lock.
    await submitFigures(call, tokens, period, submissions.slice(-1));
    await killInside([cycleId], 'decideAndPersist', ['Decision']);
    expect(await fresh.db.decision.count({ where: { cycleId } })).toBe(0);

    await start();
    await client.workflow.getHandle(cycleId).result();
    const decided = await expectRowsOfQuarters(fresh.db, [cycleId], { paid: false });
    const obligationIds = (await fresh.db.paymentObligation.findMany({ where: { cycleId }, select: { id: true } })).map((o) => o.id);
    await expectWorkflowsOfQuarters(client, fresh.db, [cycleId], obligationIds, 'waiting');

    // Paid: the cycle's verification reviews each payment and tells its officer, a write that waits on the lock.
    const obligations = await payAll(call, fresh.db, tokens, [cycleId]);
    await killInside([cyclePaymentWorkflowId(cycleId)], 'verifyCyclePayments', ['Notice', 'ObligationPayment']);

    await start();
    await confirmAll(call, tokens, obligations);
    await allSettled(fresh.db, [cycleId], 120_000);
    await expectWorkflowsOfQuarters(client, fresh.db, [cycleId], obligationIds, 'settled');
    expect(await expectRowsOfQuarters(fresh.db, [cycleId], { paid: true })).toMatchObject(decided);
  });
});

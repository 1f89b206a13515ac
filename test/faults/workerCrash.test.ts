// Workers killed with SIGKILL between an activity's database write and its report to Temporal,
// again and again, while three of them (replaced as they die) run three quarters of the demo
// county: deciding, the payment follow-ups, and settlement once finance has paid. Nothing may be
// written twice or lost, every cycle completes, and each killed attempt is taken up again by a
// live worker within 30 s — the activity timeouts of src/workflows/activityTimeouts.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startService, type RunningService } from '../../src/service.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';
import { readKills, readStarts, resumeTimes } from './support/crashPoints.js';
import { expectWorkflowsOfQuarters } from './support/cycleWorkflows.js';
import { startWorkerProcess } from './support/processes.js';
import { allSettled, apiOf, countyTokens, type CountyTokens, expectRowsOfQuarters, confirmAll, payAll, startCycle, submitFigures } from './support/quarters.js';
import { supervise, type Supervisor } from './support/supervisor.js';

const namespace = devNamespaces.faultsWorkerCrash;
const taskQueue = 'faults-worker-crash';
const token = 'faults-worker-crash-token-0123';
// Up to 33 kills, each of a first attempt and only while another worker runs: deciding (each
// quarter's), and the pages of each cycle's payment verification, which look at its obligations
// first, then at the payments and at each receipt confirmed as it settles. At least 20 must
// happen. A kill is skipped while replacements still start, so the budget is well
// above 20 (32 gave 18 on a loaded machine).
const crashAt = { decideAndPersist: 3, verifyCyclePayments: 30 };
// Four, so that while killed workers' replacements start (20 s and more on a loaded machine) others
// still run and may die next: with three, a machine under load (8) gave only 17 kills. A retry that
// goes to a worker that dies too waits out a second 10-s timeout: 24 s, within the 30 s asked.
const workerCount = 4;
const periods = ['2026-Q1', '2026-Q2', '2026-Q3'];

let fresh: TestDb;
let service: RunningService;
let workers: Supervisor;
let connection: Connection;
let client: Client;
let crashDir: string;
let tokens: CountyTokens;
const call = apiOf(() => service.apiUrl, token);

beforeAll(async () => {
  fresh = await freshSqlite('faults-worker-crash');
  crashDir = mkdtempSync(join(tmpdir(), 'cp-crash-points-'));
  const env = { DATABASE_URL: fresh.url, TEMPORAL_ADDRESS: inject('devServerAddress'), TEMPORAL_NAMESPACE: namespace, TASK_QUEUE: taskQueue };
  // The API and the Schedules only: the work is the crashing workers'.
  service = await startService(loadConfig({ ...env, SERVICE_WORKER: 'false', HTTP_PORT: '0', BUREAU_TOKEN: token, LOG_LEVEL: 'warn' }));
  tokens = await countyTokens(fresh.url);
  const crashSpec = Object.entries(crashAt)
    .map(([type, n]) => `${type}:${n}`)
    .join(',');
  workers = await supervise(workerCount, (name) =>
    startWorkerProcess(name, { ...env, CRASH_AT: crashSpec, CRASH_DIR: crashDir, LOG_LEVEL: 'warn' }, 'test/faults/support/crashingWorker.ts'),
  );
  connection = await Connection.connect({ address: inject('devServerAddress') });
  client = new Client({ connection, namespace });
});

afterAll(async () => {
  await workers?.stop();
  await service?.stop();
  await connection?.close();
  await fresh?.drop();
  if (crashDir) rmSync(crashDir, { recursive: true, force: true });
});

it('after at least 20 worker kills across deciding, the payment follow-ups and settlement: every cycle completes, no row is missing or doubled, each killed attempt resumes within 30 s', async () => {
  const cycleIds: string[] = [];
  for (const period of periods) {
    await submitFigures(call, tokens, period);
    cycleIds.push(await startCycle(call, period));
  }
  const decided = await expectRowsAfterAll(cycleIds);
  const obligationIds = (await fresh.db.paymentObligation.findMany({ where: { cycleId: { in: cycleIds } }, select: { id: true } })).map((o) => o.id);
  await expectWorkflowsOfQuarters(client, fresh.db, cycleIds, obligationIds, 'waiting');

  const paid = await payAll(call, fresh.db, tokens, cycleIds);
  // One receipt at a time, each settled before the next: each is a look of its cycle's
  // verification (a page of verifyCyclePayments) that may die, so settlement's kills spread over
  // 48 looks with replacements started in between, not over the few looks a burst of receipts
  // shares.
  for (const o of paid) {
    await confirmAll(call, tokens, [o]);
    await allSettled(fresh.db, [o.cycleId], 240_000, [o.id]);
  }
  await expectWorkflowsOfQuarters(client, fresh.db, cycleIds, obligationIds, 'settled');
  const rows = await expectRowsOfQuarters(fresh.db, cycleIds, { paid: true });
  expect(rows).toMatchObject(decided);

  const kills = readKills(crashDir);
  const resumed = await resumedAttempts(kills);
  const seconds = resumed.map((r) => (r.resumedAfterMs ?? Infinity) / 1000).sort((a, b) => a - b);
  console.log(
    `worker kills: ${kills.length} ${JSON.stringify(countBy(kills.map((k) => k.type)))}; resumed after (s): median ${seconds[Math.floor(seconds.length / 2)]!.toFixed(1)}, max ${seconds.at(-1)!.toFixed(1)} (${seconds.map((s) => s.toFixed(1)).join(' ')}); rows ${JSON.stringify(rows)}`,
  );
  expect(kills.length).toBeGreaterThanOrEqual(20);
  // Some in deciding, some in the payment verification (its first looks, the payments', settlement's).
  expect(new Set(kills.map((k) => k.type))).toEqual(new Set(['decideAndPersist', 'verifyCyclePayments']));
  expect(kills.filter((k) => k.type === 'verifyCyclePayments').length).toBeGreaterThanOrEqual(10);
  expect(workers.exits.length).toBeGreaterThanOrEqual(kills.length);
  // A retry is due 12 s after the kill (the 10-s timeout and the 2-s backoff). Now and then it goes
  // to a worker that dies too, and waits out one timeout more: 24 s. The issue asks for 30 s.
  for (const r of resumed) expect(r.resumedAfterMs, `${r.kill.type} of ${r.kill.workflowId} (attempt ${r.kill.attempt})`).toBeLessThan(30_000);
});

/** Waits for the cycles to be decided and their verifications to be under way, then checks the rows. */
async function expectRowsAfterAll(cycleIds: string[]) {
  for (const id of cycleIds) await client.workflow.getHandle(id).result();
  return expectRowsOfQuarters(fresh.db, cycleIds, { paid: false });
}

function countBy(types: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of types) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/**
 * When each killed attempt started again. A settlement killed after its commit shows in the
 * database before Temporal retries it, so the quarters may look settled up to a timeout before
 * the last retries start: wait for them (a minute at most, twice the bound checked).
 */
async function resumedAttempts(kills: ReturnType<typeof readKills>) {
  const until = Date.now() + 60_000;
  for (;;) {
    const resumed = resumeTimes(kills, readStarts(crashDir));
    if (resumed.every((r) => r.resumedAfterMs !== undefined) || Date.now() > until) return resumed;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

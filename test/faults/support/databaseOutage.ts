// The course both database-outage fault tests follow: the service (API and Schedules, no worker)
// and a worker with an outage point (outageWorker.ts) as real processes on one database and the
// shared dev server; the demo county's quarter submitted over HTTP and started; API calls made
// while the database is away; the cycle waited for and its decide step's attempts read back.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { expect } from 'vitest';
import { databaseRetryAfterSeconds } from '../../../src/api/problem.js';
import { cycleId as cycleIdOf } from '../../../src/contracts/cycles.js';
import { demoSubmissions } from '../../support/figures.js';
import { serviceToken } from '../../support/serviceUsers.js';
import { startServiceProcess, startWorkerProcess, type RunningProcess } from './processes.js';

export const quarter = { kind: 'quarterly', period: '2026-Q1' } as const;
export const cycleId = cycleIdOf(quarter.kind, quarter.period, 'demo');
/** The activity the outage begins in: the one that decides and stores the quarter. */
export const outageActivity = 'decideAndPersist';
const bureauToken = 'faults-database-outage-token-0123456789';

export interface Answer {
  call: string;
  status: number;
  retryAfter: string | null;
  type: string;
  body: { type?: string; status?: unknown; [k: string]: unknown };
  ms: number;
  /** When the answer came (ms since the epoch). */
  at: number;
}

export interface OutageStack {
  /** A request as the bureau (the bootstrap token), or as the user whose token is `as`. */
  api(method: string, path: string, body?: unknown, as?: string): Promise<Answer>;
  service: RunningProcess & { apiUrl: string };
  worker: RunningProcess;
  /** Resolves once the worker holds the outage activity; `go()` lets it run on. */
  outagePoint: Promise<unknown>;
  go(): void;
  stop(): Promise<void>;
}

export async function startOutageStack(name: string, databaseUrl: string, temporalAddress: string, namespace: string): Promise<OutageStack> {
  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    TASK_QUEUE: namespace,
    HTTP_PORT: '0',
    BUREAU_TOKEN: bureauToken,
    LOG_LEVEL: 'warn',
    SERVICE_WORKER: 'false',
  };
  const dir = mkdtempSync(join(tmpdir(), `cp-${name}-`));
  const goFile = join(dir, 'go');
  const service = await startServiceProcess(`${name}-service`, env);
  const worker = await startWorkerProcess(
    `${name}-worker`,
    { ...env, OUTAGE_ACTIVITY: outageActivity, OUTAGE_GO: goFile },
    'test/faults/support/outageWorker.ts',
  );
  const api = async (method: string, path: string, body?: unknown, as = bureauToken): Promise<Answer> => {
    const started = performance.now();
    const res = await fetch(`${service.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    return {
      call: `${method} ${path}`,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type') ?? '',
      body: text ? (JSON.parse(text) as Answer['body']) : {},
      ms: Math.round(performance.now() - started),
      at: Date.now(),
    };
  };
  return {
    api,
    service,
    worker,
    outagePoint: worker.waitFor(new RegExp(`outage point: ${outageActivity}`), 180_000),
    go: () => writeFileSync(goFile, ''),
    async stop() {
      await Promise.all([service.kill('SIGTERM'), worker.kill('SIGTERM')]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every department submits the demo quarter's figures over HTTP, then the bureau starts the cycle; returns one department's token and figures, for a write during the outage. */
export async function submitAndStart(stack: OutageStack, databaseUrl: string): Promise<{ token: string; figures: unknown }> {
  const ids = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];
  let last: { token: string; figures: unknown } | undefined;
  for (const { submittedBy, figures } of demoSubmissions(ids)) {
    const token = await serviceToken(databaseUrl, { role: 'department', subjectId: submittedBy });
    const submitted = await stack.api('POST', '/api/metrics', { period: quarter.period, figures }, token);
    expect(submitted.status, JSON.stringify(submitted.body)).toBeLessThan(300);
    last = { token, figures };
  }
  const started = await stack.api('POST', '/api/cycles', quarter);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return last!;
}

/** Makes the calls in turn, a few seconds apart, until `over` settles; every answer. */
export async function callsUntil(over: Promise<unknown>, calls: (() => Promise<Answer>)[], pauseMs = 3000): Promise<Answer[]> {
  let done = false;
  void over.finally(() => (done = true));
  const answers: Answer[] = [];
  while (!done) {
    for (const call of calls) answers.push(await call());
    await Promise.race([sleep(pauseMs), over]);
  }
  return answers;
}

/** A 503 problem of the database, with Retry-After, answered without hanging (within the busy or connection timeout and a margin). */
export function expectDatabaseUnavailable(answer: Answer, boundMs: number) {
  expect(answer, answer.call).toMatchObject({
    status: 503,
    retryAfter: String(databaseRetryAfterSeconds),
    body: { type: '/problems/database-unavailable', status: 503 },
  });
  expect(answer.type).toContain('application/problem+json');
  expect(answer.ms, answer.call).toBeLessThan(boundMs);
}

/** Polls the cycle over HTTP until it is decided and its run completed. */
export async function waitForDecided(stack: OutageStack, timeoutMs: number): Promise<void> {
  await expect
    .poll(async () => (await stack.api('GET', `/api/cycles/${cycleId}`)).body, { timeout: timeoutMs, interval: 1000 })
    .toMatchObject({ status: 'decided', execution: 'COMPLETED' });
}

/** The attempt the outage activity succeeded on, from the cycle's history: above 1 when the outage made it retry. */
export async function outageActivityAttempt(temporalAddress: string, namespace: string): Promise<number> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const history = await new Client({ connection, namespace }).workflow.getHandle(cycleId).fetchHistory();
    const events = history.events ?? [];
    const scheduled = events.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === outageActivity);
    const started = events.find((e) => Number(e.activityTaskStartedEventAttributes?.scheduledEventId) === Number(scheduled?.eventId));
    return started?.activityTaskStartedEventAttributes?.attempt ?? 0;
  } finally {
    await connection.close();
  }
}

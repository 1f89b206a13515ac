// PostgreSQL stopped for 60 s in the middle of a quarterly cycle, on an instance of the test's own
// (the system cluster serves everyone else): the service and a worker as real processes, the
// outage begun at the very moment the worker starts deciding the quarter. While it lasts the API
// answers 503 with Retry-After, never 500 and never hanging; once PostgreSQL is back, both
// processes' pools open fresh connections, the decide activity's retries get through and the
// cycle completes with every row once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { devNamespaces } from '../support/namespaces.js';
import { expectCycleRows } from './support/cycleRows.js';
import {
  callsUntil,
  cycleId,
  expectDatabaseUnavailable,
  outageActivityAttempt,
  quarter,
  startOutageStack,
  submitAndStart,
  waitForDecided,
  type Answer,
  type OutageStack,
} from './support/databaseOutage.js';
import { startPostgresInstance, type PostgresInstance } from './support/postgresInstance.js';

const namespace = devNamespaces.faultsPostgresOutage;
const outageMs = 60_000;
/** The pool's connection timeout (src/db/client.ts) and a margin for a busy machine. */
const answerBoundMs = 10_000;

describe('PostgreSQL stopped for 60 s mid-cycle', () => {
  let postgres: PostgresInstance;
  let databaseUrl: string;
  let stack: OutageStack;

  beforeAll(async () => {
    postgres = await startPostgresInstance('outage');
    await postgres.createDatabase('app');
    databaseUrl = postgres.url('app');
    await migrate(databaseUrl);
    stack = await startOutageStack('postgres-outage', databaseUrl, inject('devServerAddress'), namespace);
  });

  afterAll(async () => {
    await stack?.stop();
    postgres?.remove();
  });

  it('answers reads and writes 503 with Retry-After during the outage (never 500, never hanging), then completes the cycle with every row once', async () => {
    const department = await submitAndStart(stack, databaseUrl);
    await stack.outagePoint;
    postgres.stop();
    const stoppedAt = Date.now();
    stack.go();

    const outage = sleep(outageMs);
    const answers: Answer[] = await callsUntil(outage, [
      () => stack.api('GET', '/api/communities'),
      () => stack.api('POST', '/api/metrics', { period: quarter.period, figures: department.figures }, department.token),
      () => stack.api('GET', `/api/cycles/${cycleId}`),
    ]);
    const ready = await fetch(`${stack.service.apiUrl}/readyz`);
    const readiness = (await ready.json()) as { failed: string[] };
    postgres.start();
    const restartedAt = Date.now();

    expect(answers.length).toBeGreaterThanOrEqual(9);
    for (const answer of answers) expectDatabaseUnavailable(answer, answerBoundMs);
    expect(ready.status).toBe(503);
    expect(readiness.failed).toContain('database');
    // The service process's own pool is back too: its connections dead since the stop were dropped.
    await expect.poll(async () => (await fetch(`${stack.service.apiUrl}/readyz`)).status, { timeout: 30_000, interval: 500 }).toBe(200);

    // The decide activity's retries (2 s doubling to 5 min, no attempt limit) outlast the outage.
    await waitForDecided(stack, 180_000);
    const decidedAt = Date.now();
    expect(await outageActivityAttempt(inject('devServerAddress'), namespace)).toBeGreaterThan(1);

    const db = createDb(databaseUrl);
    try {
      const rows = await expectCycleRows(db, cycleId);
      console.log(
        `postgres outage: ${answers.length} calls during ${Math.round((restartedAt - stoppedAt) / 1000)} s, slowest answer ${Math.max(...answers.map((a) => a.ms))} ms; ` +
          `decided ${Math.round((decidedAt - restartedAt) / 1000)} s after the restart; rows ${JSON.stringify(rows)}`,
      );
    } finally {
      await db.$disconnect();
    }
    expect(stack.service.output()).not.toMatch(/"level":50/);
  });
});

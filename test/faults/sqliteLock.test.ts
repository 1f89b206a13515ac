// The SQLite file locked exclusively for 30 s by another process in the middle of a quarterly
// cycle: the service and a worker as real processes, the lock taken at the very moment the worker
// starts deciding the quarter. The file is in WAL mode, where BEGIN EXCLUSIVE takes the write lock
// only: every write of the service and the worker waits the busy timeout (SQLITE_BUSY_TIMEOUT_MS,
// 5 s) and fails with SQLITE_BUSY, while reads go on from the last commit. So a write
// (`POST /api/metrics`) answers 503 with Retry-After, a read answers 200, /readyz names the
// database, and after the lock the decide activity's retry gets through: every row once.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, sqliteFile } from '../../src/db/client.js';
import { freshSqlite, type TestDb } from '../support/db.js';
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
  type OutageStack,
} from './support/databaseOutage.js';
import { startTsx } from './support/processes.js';

const namespace = devNamespaces.faultsSqliteLock;
const lockMs = 30_000;
/** The busy timeout (5 s), once for a write of the worker's that holds the file's writer, once for the request's own, and a margin. */
const answerBoundMs = 15_000;

describe('the SQLite file locked exclusively for 30 s mid-cycle', () => {
  let database: TestDb;
  let stack: OutageStack;

  beforeAll(async () => {
    database = await freshSqlite('faults-sqlite-lock');
    await database.db.$disconnect();
    stack = await startOutageStack('sqlite-lock', database.url, inject('devServerAddress'), namespace);
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  it('answers POST /api/metrics 503 with Retry-After during the lock (not 500), reads served or shed (never failed), then completes the cycle with every row once', async () => {
    const department = await submitAndStart(stack, database.url);
    await stack.outagePoint;
    const lock = startTsx('sqlite-lock-holder', 'test/faults/support/holdSqliteLock.ts', { SQLITE_FILE: sqliteFile(database.url), LOCK_MS: String(lockMs) });
    await lock.waitFor(/locked .* \(wal\)/);
    stack.go();

    let releasedAt = Infinity;
    const released = lock.exited.then(() => (releasedAt = Date.now()));
    const answers = await callsUntil(released, [
      () => stack.api('POST', '/api/metrics', { period: quarter.period, figures: department.figures }, department.token),
      () => stack.api('GET', '/api/communities'),
      () => stack.api('GET', '/readyz'),
    ]);
    // Answers that came after the lock was released may be anything but a 500.
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    const during = (call: string) => answers.filter((a) => a.call === call && a.at < releasedAt);
    const writes = during('POST /api/metrics');
    // Each write waits out the busy timeout (5 s) on the event loop, and so does /readyz's write
    // probe: a round of the three calls takes over 10 s of the 30.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const answer of writes) expectDatabaseUnavailable(answer, answerBoundMs);
    // A read is served, or, when it arrived while a write held the event loop for the busy
    // timeout, shed as overload with Retry-After (the late loop); never the database's 503 or a 500.
    for (const read of during('GET /api/communities')) {
      if (read.status !== 200) expect(read).toMatchObject({ status: 503, body: { type: '/problems/overloaded' }, retryAfter: expect.any(String) });
    }
    for (const probe of during('GET /readyz')) expect(probe).toMatchObject({ status: 503, body: { failed: expect.arrayContaining(['database']) } });

    await waitForDecided(stack, 120_000);
    expect(await outageActivityAttempt(inject('devServerAddress'), namespace)).toBeGreaterThan(1);
    const db = createDb(database.url);
    try {
      const rows = await expectCycleRows(db, cycleId);
      console.log(
        `sqlite lock: ${answers.length} calls during the lock, slowest write ${Math.max(...writes.map((a) => a.ms))} ms; rows ${JSON.stringify(rows)}`,
      );
    } finally {
      await db.$disconnect();
    }
    expect(stack.service.output()).not.toMatch(/"level":50/);
  });
});

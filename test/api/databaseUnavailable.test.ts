// A database that cannot be reached or is locked answers 503 with Retry-After, logged as one
// warning: every error here is provoked for real — PostgreSQL on a closed port, a pool with no
// connection to give, connections terminated by the server, a SQLite file another connection holds
// locked — so the shapes recognised are the ones Prisma 6.19 and its adapters throw.
import Database from 'better-sqlite3';
import pg from 'pg';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { databaseRetryAfterSeconds } from '../../src/api/problem.js';
import { createDb, sqliteFile, type Db } from '../../src/db/client.js';
import { databaseUnavailable } from '../../src/db/unavailable.js';
import { freePort } from '../faults/support/postgresInstance.js';
import { freshPostgres, freshSqlite, pgAdminUrl, type TestDb } from '../support/db.js';
import { c01, harness, RecordingCycles, RecordingSignals, recordingLogger, token } from './harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function fresh(make: () => Promise<TestDb>): Promise<TestDb> {
  const t = await make();
  cleanups.push(t.drop);
  return t;
}

/** What the call threw (it must throw). */
async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

function expectUnavailable(res: request.Response) {
  expect(res.status).toBe(503);
  expect(res.headers['retry-after']).toBe(String(databaseRetryAfterSeconds));
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ type: '/problems/database-unavailable', title: 'Database unavailable', status: 503 });
  expect(res.body.detail).toMatch(/database cannot be reached or is locked; try again/);
}

describe('PostgreSQL that cannot be reached (a closed port)', () => {
  let db: Db;

  it('is recognised from every kind of call: a model query, a write, a raw query, both kinds of transaction', async () => {
    db = createDb(`postgresql://postgres:postgres@127.0.0.1:${await freePort()}/none`);
    cleanups.push(() => db.$disconnect());
    const calls = [
      () => db.county.findMany(),
      () => db.county.create({ data: { id: 'x', name: 'x' } }),
      () => db.$queryRaw`SELECT 1`,
      () => db.$transaction(async (tx) => tx.county.findMany()),
      () => db.$transaction([db.county.findMany()]),
    ];
    for (const call of calls) expect(databaseUnavailable(await thrown(call))).toMatch(/^P(1001|2010) DatabaseNotReachable 127\.0\.0\.1:\d+/);
  });

  it('answers 503 with Retry-After, logs one warning line and no error, and /readyz names the database', async () => {
    const logger = recordingLogger();
    const app = createApp({ db, cycles: new RecordingCycles(), signals: new RecordingSignals(), logger, temporalProbe: async () => {} });
    expectUnavailable(await request(app).get('/api/communities').set('Authorization', `Bearer ${token}`));
    expect(logger.requests).toEqual([
      expect.objectContaining({ level: 40, status: 503, databaseUnavailable: expect.stringContaining('DatabaseNotReachable') }),
    ]);
    expect(logger.lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(logger.text).not.toContain('prisma');

    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ failed: ['database'], database: { ok: false, error: expect.stringMatching(/^P2010 DatabaseNotReachable/) } });
  });
});

describe('PostgreSQL whose pool has no connection to give, or whose connections the server ends', () => {
  it('recognises the pool timeout (connectionTimeoutMillis) and a transaction that could not start in time, and answers them 503', async () => {
    const t = await fresh(() => freshPostgres('db-unavailable-pool'));
    const db = createDb(t.url, { poolSize: 1 });
    cleanups.push(() => db.$disconnect());
    const h = await harness(db);
    // The pool's only connection, held by a transaction until the probes below are done.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await tx.county.count();
        await held;
      },
      { timeout: 30_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [poolTimeout, transaction, res] = await Promise.all([
      thrown(() => db.county.findMany()),
      thrown(() => db.$transaction(async (tx) => tx.county.findMany())),
      request(h.app).get('/api/communities').set('Authorization', `Bearer ${token}`),
    ]);
    release();
    await holder;
    expect(databaseUnavailable(poolTimeout)).toBe('timeout exceeded when trying to connect');
    // Whichever gives up first: the pool's connection timeout or the transaction's maxWait (P2028).
    expect(databaseUnavailable(transaction)).toMatch(/^(timeout exceeded when trying to connect|P2028 .*Unable to start a transaction in the given time)/);
    expectUnavailable(res);
  });

  it('recognises a connection the server terminates (57P01) before or during a transaction, and gives the dead connection back so the pool opens a fresh one', async () => {
    const t = await fresh(() => freshPostgres('db-unavailable-terminated'));
    // One connection: were the dead one kept (as Prisma alone keeps it), nothing could run after.
    const db = createDb(t.url, { poolSize: 1 });
    const terminated = await thrown(() => db.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`);
    expect(databaseUnavailable(terminated)).toMatch(/^P2010 57P01 terminating connection due to administrator command/);

    const database = new URL(t.url).pathname.slice(1);
    const midTransaction = thrown(() =>
      db.$transaction(async (tx) => {
        await tx.county.count();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await tx.county.count();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = new pg.Client({ connectionString: pgAdminUrl });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
    await admin.end();
    expect(databaseUnavailable(await midTransaction)).toBe('Client has encountered a connection error and is not queryable');
    await expect(db.county.count()).resolves.toBe(0);
    await expect(db.$transaction(async (tx) => tx.county.count())).resolves.toBe(0);
    // Disconnecting waits for every connection to come back: it ends only if none was lost.
    await db.$disconnect();
  });
});

describe('SQLite with the file locked exclusively by another connection (WAL mode)', () => {
  it('answers a write 503 with Retry-After after the busy timeout, still serves reads, and /readyz names the database until the lock is released', async () => {
    const t = await fresh(() => freshSqlite('db-unavailable-lock'));
    const db = createDb(t.url, { sqliteBusyTimeoutMs: 300 });
    cleanups.push(() => db.$disconnect());
    const h = await harness(db);
    const other = new Database(sqliteFile(t.url));
    cleanups.push(async () => void other.close());
    // In WAL mode EXCLUSIVE takes the write lock only: readers go on reading the last commit.
    other.exec('BEGIN EXCLUSIVE');

    expect(databaseUnavailable(await thrown(() => db.county.create({ data: { id: 'x', name: 'x' } })))).toMatch(
      /^P1008 SocketTimeout SQLITE_BUSY database is locked/,
    );
    const writer = new Database(sqliteFile(t.url), { timeout: 0 });
    cleanups.push(async () => void writer.close());
    expect(databaseUnavailable(await thrown(async () => writer.exec(`UPDATE "County" SET "name" = "name"`)))).toBe('SQLITE_BUSY database is locked');

    expectUnavailable(await h.api.post('/api/communities', c01));
    expect(h.logger.requests.at(-1)).toMatchObject({ level: 40, status: 503, databaseUnavailable: expect.stringContaining('SQLITE_BUSY') });
    expect((await h.api.get('/api/communities')).status).toBe(200);
    const ready = await request(h.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ failed: ['database'], database: { ok: false, error: expect.stringContaining('SQLITE_BUSY') } });
    expect(h.logger.lines.filter((l) => l.level >= 50)).toEqual([]);

    other.exec('COMMIT');
    expect((await h.api.post('/api/communities', c01)).status).toBe(201);
    expect((await request(h.app).get('/readyz')).body).toMatchObject({ database: { ok: true } });
  });
});

describe('errors that are not an outage', () => {
  it('are not taken for one: a duplicate key, a plain error', async () => {
    const t = await fresh(() => freshSqlite('db-unavailable-other'));
    await t.db.county.create({ data: { id: 'x', name: 'x' } });
    expect(databaseUnavailable(await thrown(() => t.db.county.create({ data: { id: 'x', name: 'x' } })))).toBeUndefined();
    expect(databaseUnavailable(new Error('boom'))).toBeUndefined();
  });
});

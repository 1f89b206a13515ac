// Two processes writing one SQLite file (the service and a worker): a transaction that reads
// before it writes waits for the other writer and then succeeds, instead of failing at once with
// SQLITE_BUSY as a deferred BEGIN does once the other process has committed meanwhile.
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFile } from '../../src/db/client.js';
import { freshSqlite, type TestDb } from '../support/db.js';

/** Another process: takes the write lock, rewrites every county, holds it for `ms`, commits. */
function otherWriter(file: string, ms: number): Promise<() => Promise<void>> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.exec('UPDATE "County" SET name = name');
    console.log('holding');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve) => child.stdout.once('data', () => resolve(() => done)));
}

describe('several processes writing one SQLite file', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshSqlite('sqlite-writers');
    await t.db.county.create({ data: { id: 'w1', name: '写入县' } });
  });
  afterAll(async () => t?.drop());

  it('a read-then-write transaction waits for the other writer and commits', async () => {
    const finished = await otherWriter(sqliteFile(t.url), 1000);
    const renamed = await t.db.$transaction(async (tx) => {
      const county = await tx.county.findUniqueOrThrow({ where: { id: 'w1' } });
      return tx.county.update({ where: { id: 'w1' }, data: { name: `${county.name}（改）` } });
    });
    await finished();
    expect(renamed.name).toBe('写入县（改）');
  });

  it('the same with a deferred BEGIN fails: the wait above is the fix, not luck', async () => {
    const finished = await otherWriter(sqliteFile(t.url), 1000);
    const raw = new Database(sqliteFile(t.url), { timeout: 5000 });
    try {
      raw.exec('BEGIN');
      raw.prepare('SELECT name FROM "County" WHERE id = ?').get('w1');
      expect(() => raw.prepare('UPDATE "County" SET name = ? WHERE id = ?').run('不会写入', 'w1')).toThrow(/SQLITE_BUSY|database is locked/);
    } finally {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      raw.close();
      await finished();
    }
  });
});

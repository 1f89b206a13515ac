// A fresh, migrated database per test file: a SQLite file in its own temp dir, or a new
// PostgreSQL database on the server named by TEST_PG_ADMIN_URL (dropped again by drop()).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';

export interface TestDb {
  url: string;
  db: Db;
  /** Disconnects and removes the database. */
  drop(): Promise<void>;
}

export const pgAdminUrl = process.env.TEST_PG_ADMIN_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export async function freshSqlite(name = 'test'): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), `cp-${name.replace(/[^\w-]/g, '_')}-`));
  const url = `file:${join(dir, 'app.db')}`;
  await migrate(url);
  const db = createDb(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `adminUrl`: a superuser's URL of another PostgreSQL server (the local cluster's). */
export async function freshPostgres(name = 'test', adminUrl = pgAdminUrl): Promise<TestDb> {
  const database = `t_${name.replace(/\W/g, '_').toLowerCase().slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${database}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await migrate(url.toString());
  const db = createDb(url.toString());
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}

async function admin(adminUrl: string, run: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

// Applies the committed SQL migrations of the database's provider and records each one in
// "_app_migrations". Prisma's own `migrate deploy` fails on PostgreSQL with the JavaScript
// schema engine, so one runner serves both providers the same way.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqliteFile } from './client.js';

const migrationsRoot = join(dirname(new URL(import.meta.url).pathname), '..', '..', 'prisma');
const ledger = `CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;

export interface Migration {
  name: string;
  sql: string;
}

export function committedMigrations(provider: 'sqlite' | 'postgresql'): Migration[] {
  const dir = join(migrationsRoot, provider, 'migrations');
  return readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name, 'migration.sql'), 'utf8') }));
}

/** Returns the names of the migrations this call applied (none when already up to date). */
export async function migrate(databaseUrl: string): Promise<string[]> {
  return providerOf(databaseUrl) === 'postgresql' ? migratePostgres(databaseUrl) : migrateSqlite(databaseUrl);
}

function migrateSqlite(databaseUrl: string): string[] {
  return applySqliteMigrations(sqliteFile(databaseUrl), committedMigrations('sqlite'));
}

/**
 * Applies the migrations not yet recorded, all in one transaction. SQLite ignores
 * `PRAGMA foreign_keys=OFF` inside a transaction, so a migration that rebuilds a table (Prisma's
 * "RedefineTables") would have its DROP cascade onto the rows that point at it: foreign keys are
 * switched off around the transaction instead, and checked before it commits.
 */
export function applySqliteMigrations(file: string, migrations: Migration[]): string[] {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(ledger);
    const applied: string[] = [];
    db.pragma('foreign_keys = OFF');
    // IMMEDIATE takes the write lock first, so two processes starting together apply each migration once.
    db.transaction(() => {
      const done = new Set(db.prepare('SELECT name FROM "_app_migrations"').pluck().all() as string[]);
      for (const m of migrations.filter((m) => !done.has(m.name))) {
        db.exec(m.sql);
        db.prepare('INSERT INTO "_app_migrations" (name, "appliedAt") VALUES (?, ?)').run(m.name, new Date().toISOString());
        applied.push(m.name);
      }
      const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length > 0) {
        const first = broken.slice(0, 5).map((b) => `${b.table} row ${b.rowid} → ${b.parent}`);
        throw new Error(`migrations ${applied.join(', ')} would leave ${broken.length} rows pointing at nothing (${first.join('; ')}); nothing was applied`);
      }
    }).immediate();
    db.pragma('foreign_keys = ON');
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(727274)');
    await client.query(ledger);
    const done = new Set((await client.query('SELECT name FROM "_app_migrations"')).rows.map((r) => r.name as string));
    const applied: string[] = [];
    for (const m of committedMigrations('postgresql').filter((m) => !done.has(m.name))) {
      await client.query(m.sql);
      await client.query('INSERT INTO "_app_migrations" (name, "appliedAt") VALUES ($1, $2)', [m.name, new Date().toISOString()]);
      applied.push(m.name);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    await client.end();
  }
}

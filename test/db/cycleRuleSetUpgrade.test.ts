// Migration 0006 makes Cycle.ruleSetVersionId required. A cycle that failed before it was opened
// was stored without a version; the upgrade gives it the version in force at the end of its
// period (1 when no version was ever stored), on either provider, and leaves set versions alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { committedMigrations, migrate, type Migration } from '../../src/db/migrate.js';
import { pgAdminUrl } from '../support/db.js';

const upgrade = '0006_cycle_rule_set_required';
const versions = `INSERT INTO "RuleSetVersion" ("id", "name", "document", "effectiveFrom", "author", "reason") VALUES
  (1, 'default', '{}', '1970-01-01', 'system', 'shipped'),
  (2, 'april', '{}', '2026-04-01', 'bureau', 'from April'),
  (3, 'july', '{}', '2026-07-02', 'bureau', 'from 2 July')`;
const cycle = (id: string, kind: string, period: string, version: number | null) =>
  `INSERT INTO "Cycle" ("id", "kind", "period", "status", "ruleSetVersionId") VALUES ('${id}', '${kind}', '${period}', 'failed', ${version ?? 'NULL'})`;
const cycles = [
  cycle('monthly-2026-03', 'monthly', '2026-03', null),
  cycle('monthly-2026-04', 'monthly', '2026-04', null),
  cycle('quarterly-2026-Q1', 'quarterly', '2026-Q1', null),
  cycle('quarterly-2026-Q2', 'quarterly', '2026-Q2', null),
  cycle('quarterly-2026-Q3', 'quarterly', '2026-Q3', null),
  cycle('half-year-2026-H1', 'half-year', '2026-H1', null),
  cycle('year-end-2025', 'year-end', '2025', null),
  cycle('year-end-2026', 'year-end', '2026', null),
  cycle('quarterly-2025-Q4', 'quarterly', '2025-Q4', 2),
];
// July's version starts on the 2nd: a month, quarter or half-year ending on 30 June is still under April's.
const expected = {
  'half-year-2026-H1': 2,
  'monthly-2026-03': 1,
  'monthly-2026-04': 2,
  'quarterly-2025-Q4': 2,
  'quarterly-2026-Q1': 1,
  'quarterly-2026-Q2': 2,
  'quarterly-2026-Q3': 3,
  'year-end-2025': 1,
  'year-end-2026': 3,
};

interface Provider {
  name: 'sqlite' | 'postgresql';
  /** A database built by the migrations before 0006, holding `rows`; returns its URL and a reader of Cycle versions. */
  build(rows: string[]): Promise<{ url: string; versions(): Promise<Record<string, number>> }>;
}

const before = (name: Provider['name']): Migration[] => committedMigrations(name).filter((m) => m.name < upgrade);
/** What the service applies to such a database: the upgrade, then every migration committed after it. */
const fromUpgrade = (name: Provider['name']) =>
  committedMigrations(name)
    .filter((m) => m.name >= upgrade)
    .map((m) => m.name);
const ledger = `CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`;
const recorded = (ms: Migration[]) => ms.map((m) => `INSERT INTO "_app_migrations" VALUES ('${m.name}', '2026-11-28T00:00:00Z')`);
const byId = (rows: { id: string; ruleSetVersionId: number }[]) => Object.fromEntries(rows.map((r) => [r.id, r.ruleSetVersionId]));

const dir = mkdtempSync(join(tmpdir(), 'cp-cycle-upgrade-'));
const databases: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await admin(async (c) => {
    for (const d of databases) await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
  });
});

async function admin(run: (c: pg.Client) => Promise<unknown>, url = pgAdminUrl) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const sqlite: Provider = {
  name: 'sqlite',
  async build(rows) {
    const file = join(dir, `${randomBytes(4).toString('hex')}.db`);
    const db = new Database(file);
    const ms = before('sqlite');
    for (const sql of [...ms.map((m) => m.sql), ledger, ...recorded(ms), ...rows]) db.exec(sql);
    db.close();
    return {
      url: `file:${file}`,
      async versions() {
        const reader = new Database(file, { readonly: true });
        try {
          return byId(reader.prepare('SELECT "id", "ruleSetVersionId" FROM "Cycle"').all() as { id: string; ruleSetVersionId: number }[]);
        } finally {
          reader.close();
        }
      },
    };
  },
};

const postgres: Provider = {
  name: 'postgresql',
  async build(rows) {
    const database = `t_cycle_upgrade_${randomBytes(4).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE "${database}"`));
    databases.push(database);
    const url = new URL(pgAdminUrl);
    url.pathname = `/${database}`;
    const ms = before('postgresql');
    await admin(async (c) => {
      for (const sql of [...ms.map((m) => m.sql), ledger, ...recorded(ms), ...rows]) await c.query(sql);
    }, url.toString());
    return {
      url: url.toString(),
      versions: async () => byId(((await admin((c) => c.query('SELECT "id", "ruleSetVersionId" FROM "Cycle"'), url.toString())) as pg.QueryResult).rows),
    };
  },
};

describe.each([sqlite, postgres])('on $name, upgrading a database with cycles that have no rule-set version', (provider) => {
  it('gives each the version in force at the end of its period and keeps a version already set', async () => {
    const built = await provider.build([versions, ...cycles]);
    expect(await migrate(built.url)).toEqual(fromUpgrade(provider.name));
    expect(await built.versions()).toEqual(expected);
  });

  it("gives them 1, the default's id to come, when no version was ever stored", async () => {
    const built = await provider.build([cycle('year-end-2025', 'year-end', '2025', null)]);
    expect(await migrate(built.url)).toEqual(fromUpgrade(provider.name));
    expect(await built.versions()).toEqual({ 'year-end-2025': 1 });
  });
});

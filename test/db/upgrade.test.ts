// A database of the first release (0001_init only, with rows in it) is brought up to date by
// the service's own migration runner at start-up, without losing a row.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { committedMigrations, migrate } from '../../src/db/migrate.js';

const dir = mkdtempSync(join(tmpdir(), 'cp-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('applies only the migrations a first-release database lacks, keeping its rows', async () => {
  const file = join(dir, 'app.db');
  const first = new Database(file);
  const [init] = committedMigrations('sqlite');
  first.exec(init!.sql);
  first.exec(`CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
  first.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(init!.name, '2026-11-28T00:00:00Z');
  first.prepare(`INSERT INTO "Officer" ("id", "name", "updatedAt") VALUES ('o01', '民警01', '2026-11-28T00:00:00Z')`).run();
  first.close();

  expect(await migrate(`file:${file}`)).toEqual(
    committedMigrations('sqlite')
      .slice(1)
      .map((m) => m.name),
  );
  expect(await migrate(`file:${file}`)).toEqual([]);
  const db = createDb(`file:${file}`);
  try {
    expect(await db.officer.findUniqueOrThrow({ where: { id: 'o01' } })).toMatchObject({ name: '民警01', email: null });
    await db.officer.update({ where: { id: 'o01' }, data: { email: 'o01@police.example' } });
  } finally {
    await db.$disconnect();
  }
});

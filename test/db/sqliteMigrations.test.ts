// The SQLite migration runner: a migration that rebuilds a table others point at keeps their
// references (Prisma's RedefineTables relies on foreign keys being off, which SQLite ignores inside
// the runner's transaction unless the runner turns them off around it), and one that would leave
// rows pointing at nothing is refused whole.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applySqliteMigrations, type Migration } from '../../src/db/migrate.js';

const init: Migration = {
  name: '0001_init',
  sql: `CREATE TABLE "Office" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
CREATE TABLE "Posting" ("id" INTEGER NOT NULL PRIMARY KEY, "officeId" TEXT, CONSTRAINT "Posting_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office" ("id") ON DELETE SET NULL ON UPDATE CASCADE);
INSERT INTO "Office" VALUES ('c01', '小江口');
INSERT INTO "Posting" VALUES (1, 'c01');`,
};

// As Prisma writes a new NOT NULL column on SQLite: a new table, the rows copied, the old dropped.
const redefine: Migration = {
  name: '0002_office_county',
  sql: `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Office" ("id" TEXT NOT NULL PRIMARY KEY, "countyId" TEXT NOT NULL, "name" TEXT NOT NULL);
INSERT INTO "new_Office" ("id", "countyId", "name") SELECT "id", 'county-1', "name" FROM "Office";
DROP TABLE "Office";
ALTER TABLE "new_Office" RENAME TO "Office";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`,
};

const file = () => join(mkdtempSync(join(tmpdir(), 'sqlite-migrations-')), 'app.db');
const read = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
};

describe('applySqliteMigrations', () => {
  it('rebuilds a table others point at without touching their references', () => {
    const path = file();
    expect(applySqliteMigrations(path, [init])).toEqual(['0001_init']);
    expect(applySqliteMigrations(path, [init, redefine])).toEqual(['0002_office_county']);
    expect(read(path, 'SELECT "id", "officeId" FROM "Posting"')).toEqual([{ id: 1, officeId: 'c01' }]);
    expect(read(path, 'SELECT * FROM "Office"')).toEqual([{ id: 'c01', countyId: 'county-1', name: '小江口' }]);
  });

  it('refuses, applying nothing, migrations that would leave rows pointing at nothing', () => {
    const path = file();
    applySqliteMigrations(path, [init]);
    const orphan: Migration = { name: '0002_orphan', sql: `INSERT INTO "Posting" VALUES (2, 'c99');` };
    expect(() => applySqliteMigrations(path, [init, orphan])).toThrow(/0002_orphan would leave 1 rows pointing at nothing \(Posting row 2 → Office\)/);
    expect(read(path, 'SELECT name FROM "_app_migrations"')).toEqual([{ name: '0001_init' }]);
    expect(read(path, 'SELECT "id" FROM "Posting"')).toEqual([{ id: 1 }]);
  });
});

// The bulk statements the register import runs (one JSON parameter a statement) against what
// Prisma's own queries read and write, on SQLite and PostgreSQL: text, null, integers and DateTime
// round-trip alike, keys of one column or two, RETURNING, and more keys than SQLite binds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, selectRows, updateRows } from '../../src/db/bulkRows.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';

describe.each([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
])('bulk rows on %s', (_, fresh) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await fresh('bulk-rows');
  });
  afterAll(() => t.drop());

  const at = new Date('2026-03-15T08:09:10.123Z');
  const residence = (k: number) => ({
    personId: `p${k}`,
    countyId: 'c',
    communityId: 'm',
    cardId: `k${k % 7}`,
    class: 'temporary',
    fromDate: '2026-01-01',
    untilDate: null,
    endReason: null,
    recordedBy: "o'neill",
    createdAt: at,
  });

  it('inserts, returning the ids, and Prisma reads the rows as its own', async () => {
    const rows = Array.from({ length: 1500 }, (_, k) => residence(k));
    const ids = await insertRows<{ id: number; personId: string }>(t.db, 'PersonResidence', rows, ['id', 'personId']);
    expect(ids).toHaveLength(1500);
    expect(new Set(ids.map((r) => r.id)).size).toBe(1500);
    const read = await t.db.personResidence.findMany({ where: { personId: { in: ['p0', 'p1499'] } }, orderBy: { personId: 'asc' } });
    expect(read.map(({ id: _, ...r }) => r)).toEqual([residence(0), residence(1499)]);
    expect(read.map((r) => r.id).sort()).toEqual(
      ids
        .filter((r) => ['p0', 'p1499'].includes(r.personId))
        .map((r) => r.id)
        .sort(),
    );
  });

  it('selects by one column and by two, past 999 keys, as Prisma does', async () => {
    const keys = Array.from({ length: 1200 }, (_, k) => `p${k * 2}`);
    const bulk = await selectRows<{ id: number; personId: string; untilDate: string | null; createdAt: Date }>(
      t.db,
      'PersonResidence',
      ['id', 'personId', 'untilDate', 'createdAt'],
      { countyId: 'c', untilDate: null },
      'personId',
      [...keys, ...keys],
    );
    const prisma = await t.db.personResidence.findMany({
      where: { personId: { in: keys } },
      select: { id: true, personId: true, untilDate: true, createdAt: true },
    });
    expect(bulk.sort((a, b) => a.id - b.id)).toEqual(prisma.sort((a, b) => a.id - b.id));
    expect(bulk).toHaveLength(750);
    const pairs = await selectRows<{ personId: string }>(
      t.db,
      'PersonResidence',
      ['personId'],
      {},
      ['personId', 'cardId'],
      [
        ['p1', 'k1'],
        ['p2', 'k1'],
        ['p8', 'k1'],
      ],
    );
    expect(pairs.map((r) => r.personId).sort()).toEqual(['p1', 'p8']);
  });

  it('updates the rows of the keys given', async () => {
    const ids = (await t.db.personResidence.findMany({ where: { personId: { in: ['p3', 'p4'] } }, select: { id: true } })).map((r) => r.id);
    expect(await updateRows(t.db, 'PersonResidence', { untilDate: '2026-02-01', endReason: 'moved' }, 'id', ids)).toBe(2);
    expect(await t.db.personResidence.count({ where: { untilDate: '2026-02-01', endReason: 'moved' } })).toBe(2);
  });
});

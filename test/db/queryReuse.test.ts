// Prisma's query plans (planCache.ts) and SQLite's prepared statements (sqliteStatements.ts) are
// reused across queries. The same reads and writes, each asked twice, must answer as they do with
// neither kept: values of the same query text differ, a write between two reads shows in the
// second, a batch and an interactive transaction run on reused statements, on both providers.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { planCacheLimits } from '../../src/db/planCache.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { statementCacheLimits } from '../../src/db/sqliteStatements.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';

const dbs: TestDb[] = [];
afterAll(async () => {
  for (const t of dbs) await t.drop();
});

const kept = { plans: planCacheLimits.entries, statements: statementCacheLimits.entries };
afterEach(() => {
  planCacheLimits.entries = kept.plans;
  statementCacheLimits.entries = kept.statements;
});

/** Reads, writes, a batch and a transaction, twice over; what each answered, in order. */
async function scenario({ db }: TestDb): Promise<unknown[]> {
  await seedDemoCounty(db, { today: '2026-02-10' });
  const seen: unknown[] = [];
  for (const round of [1, 2]) {
    seen.push(await db.community.findMany({ where: { countyId: 'demo' }, select: { id: true, name: true, population: true }, orderBy: { id: 'asc' } }));
    for (const id of ['o01', 'o02', 'o16', 'none'])
      seen.push(await db.officer.findUnique({ where: { id }, select: { id: true, name: true, stationId: true, postings: { select: { communityId: true } } } }));
    seen.push(await db.binding.groupBy({ by: ['subjectType'], where: { countyId: 'demo' }, _count: { _all: true }, orderBy: { subjectType: 'asc' } }));
    // A write between two reads of the same query.
    seen.push(await db.community.update({ where: { id: 'c01' }, data: { population: 1000 + round }, select: { population: true } }));
    seen.push(await db.community.findUnique({ where: { id: 'c01' }, select: { population: true } }));
    seen.push(
      await db.$transaction([
        db.station.count({ where: { countyId: 'demo' } }),
        db.station.create({ data: { id: `s-round-${round}`, countyId: 'demo', name: `round ${round}` }, select: { id: true, name: true } }),
        db.station.count({ where: { countyId: 'demo' } }),
      ]),
    );
    seen.push(
      await db.$transaction(async (tx) => {
        const before = await tx.station.count({ where: { countyId: 'demo' } });
        await tx.station.delete({ where: { id: `s-round-${round}` } });
        return [before, await tx.station.count({ where: { countyId: 'demo' } })];
      }),
    );
    // A failing query leaves its reused statement usable.
    seen.push(await db.station.create({ data: { id: 'chengguan', countyId: 'demo', name: 'twice' } }).catch((err: { code?: string }) => err.code));
  }
  return seen;
}

async function compare(fresh: (name: string) => Promise<TestDb>) {
  planCacheLimits.entries = 0;
  statementCacheLimits.entries = 0;
  const without = await fresh('reuse-off');
  dbs.push(without);
  const expected = await scenario(without);
  planCacheLimits.entries = kept.plans;
  statementCacheLimits.entries = kept.statements;
  const reusing = await fresh('reuse-on');
  dbs.push(reusing);
  const actual = await scenario(reusing);
  expect(actual).toEqual(expected);
  // The rounds differ only where the scenario wrote differently.
  expect(actual[1]).toEqual(actual[actual.length / 2 + 1]);
  expect(expected.at(-1)).toBe('P2002');
}

describe('query plans and statements reused across queries', () => {
  it('answer as without reuse on SQLite', () => compare(freshSqlite));
  it('answer as without reuse on PostgreSQL', () => compare(freshPostgres));
});

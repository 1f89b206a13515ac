// GET /api/evaluations as the console's ranking table reads it: sorted on the server by rank,
// score or office (an unknown sort refused at its parameter), paged without overlap in that
// order, and each row with its office's name, a shared rank marked, its sanctions and the
// subsidies of the officers bound to it summed in yuan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
const cycleId = 'quarterly-2026-Q1';
// c02 and c03 share rank 2; c04 is last.
const scores = { c01: 91.5, c02: 88, c03: 88, c04: 70.25 } as const;
const ranks = { c01: 1, c02: 2, c03: 2, c04: 4 } as const;

beforeAll(async () => {
  db = (await freshSqlite('api-ranking')).db;
  await seedDemoCounty(db, { today: '2026-01-05', county: testCountyRecord });
  h = await harness(db);
  for (const [communityId, score] of Object.entries(scores)) {
    const rank = ranks[communityId as keyof typeof ranks];
    await db.evaluation.create({
      data: { countyId: testCounty, cycleId, period: '2026-Q1', communityId, score, rank, isLast: rank === 4, breakdown: [], missing: [] },
    });
  }
  const decision = (id: string, data: { type: string; kind: string; subjectType: string; subjectId: string; amountFen: number | null }) =>
    db.decision.create({ data: { id: `${cycleId}/${id}`, countyId: testCounty, cycleId, officers: [], rule: 'r', reason: 'r', facts: {}, ...data } });
  await decision('circulated-criticism/c04', { type: 'sanction', kind: 'circulated-criticism', subjectType: 'community', subjectId: 'c04', amountFen: null });
  const officers = await db.binding.findMany({ where: { subjectType: 'officer', communityId: { in: ['c01', 'c04'] } }, orderBy: { subjectId: 'asc' } });
  for (const [i, b] of officers.entries()) {
    await decision(`subsidy/${b.subjectId}`, { type: 'subsidy', kind: 'subsidy', subjectType: 'officer', subjectId: b.subjectId, amountFen: 150_025 + i });
  }
});

afterAll(async () => db?.$disconnect());

const ids = (body: { communityId: string }[]) => body.map((e) => e.communityId);

describe('the ranking read from GET /api/evaluations', () => {
  it('sorts by score either way and by rank, ties by office', async () => {
    expect(ids((await h.api.get(`/api/evaluations?cycleId=${cycleId}&sort=score&order=asc`).expect(200)).body)).toEqual(['c04', 'c02', 'c03', 'c01']);
    expect(ids((await h.api.get(`/api/evaluations?cycleId=${cycleId}&sort=score&order=desc`).expect(200)).body)).toEqual(['c01', 'c02', 'c03', 'c04']);
    expect(ids((await h.api.get(`/api/evaluations?cycleId=${cycleId}&sort=communityId&order=desc`).expect(200)).body)).toEqual(['c04', 'c03', 'c02', 'c01']);
    expect(ids((await h.api.get(`/api/evaluations?cycleId=${cycleId}&sort=rank`).expect(200)).body)).toEqual(['c01', 'c02', 'c03', 'c04']);
  });

  it('pages in the sorted order without overlap, following the Link header', async () => {
    const seen: string[] = [];
    let next: string | undefined = `/api/evaluations?cycleId=${cycleId}&sort=score&order=asc&limit=1`;
    while (next) {
      const res: { body: { communityId: string }[]; headers: Record<string, string> } = await h.api.get(next).expect(200);
      seen.push(...ids(res.body));
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    }
    expect(seen).toEqual(['c04', 'c02', 'c03', 'c01']);
  });

  it('refuses a sort or order it does not know, at the parameter', async () => {
    const bad = await h.api.get(`/api/evaluations?sort=name`);
    expectProblem(bad, 400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ parameter: 'sort' })]);
    const order = await h.api.get(`/api/evaluations?sort=score&order=down`);
    expectProblem(order, 400);
    expect(order.body.errors).toEqual([expect.objectContaining({ parameter: 'order' })]);
  });

  it("answers each office's name, shared rank, sanctions and its officers' subsidies in yuan", async () => {
    const rows = (await h.api.get(`/api/evaluations?cycleId=${cycleId}`).expect(200)).body as any[];
    const row = (id: string) => rows.find((r) => r.communityId === id);
    const c01 = await db.community.findUniqueOrThrow({ where: { id: 'c01' } });
    // c01 is a team of two (o01, o02): both subsidies are the office's, summed to the cent.
    expect(row('c01')).toMatchObject({ communityName: c01.name, sharedRank: false, subsidy: 3000.51 });
    expect(row('c01').decisions.map((d: { subjectId: string }) => d.subjectId)).toEqual(['o01', 'o02']);
    expect([row('c02').sharedRank, row('c03').sharedRank]).toEqual([true, true]);
    expect(row('c02')).toMatchObject({ decisions: [], subsidy: null });
    const c04 = row('c04');
    expect(c04.decisions.map((d: { kind: string }) => d.kind)).toContain('circulated-criticism');
    const c04Subsidies = c04.decisions.filter((d: { type: string }) => d.type === 'subsidy');
    expect(c04Subsidies.length).toBeGreaterThan(0);
    expect(c04.subsidy).toBeCloseTo(
      c04Subsidies.reduce((sum: number, d: { amount: number }) => sum + d.amount, 0),
      2,
    );
  });
});

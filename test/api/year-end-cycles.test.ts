// Starting the year-end cycle over HTTP, and its explanations once decided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { actor, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-year-end');
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('POST /api/cycles {kind: "year-end"}', () => {
  it('starts the year-end cycle of a year with 202', async () => {
    const res = await h.api.post('/api/cycles', { kind: 'year-end', period: '2025' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ cycleId: 'year-end-2025-test-county' });
    expect(h.cycles.started.get('year-end-2025-test-county')).toEqual({
      countyId: 'test-county',
      kind: 'year-end',
      period: '2025',
      startedBy: { userId: actor, name: 'Test clerk' },
    });
    expectProblem(await h.api.post('/api/cycles', { kind: 'year-end', period: '2025' }), 409, { pointer: '/period' });
  });

  it.each([
    ['a quarter as the year', { kind: 'year-end', period: '2026-Q4' }, '/period'],
    ['a year for a quarterly cycle', { kind: 'quarterly', period: '2026' }, '/period'],
  ])('rejects %s with 422', async (_, body, pointer) => {
    expectProblem(await h.api.post('/api/cycles', body), 422, { pointer });
  });
});

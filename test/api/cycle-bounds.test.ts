// A cycle only for a period that has ended in the bureau's time zone (Asia/Shanghai by default),
// of a year from 2000: anything else is refused at /period before Temporal hears of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { expectProblem, harness } from './harness.js';

let t: TestDb;

beforeAll(async () => {
  t = await freshSqlite('api-cycle-bounds');
});
afterAll(() => t.drop());

describe('period bounds of POST /api/cycles', () => {
  it.each([
    [
      'a quarter not yet ended',
      { kind: 'quarterly', period: '2027-Q1' },
      /2027-Q1 has not ended: it ends at 00:00 on 2027-04-01 Asia\/Shanghai \(2027-03-31T16:00:00\.000Z\)/,
    ],
    ['the current quarter', { kind: 'quarterly', period: '2026-Q4' }, /2026-Q4 has not ended: it ends at 00:00 on 2027-01-01/],
    ['the current year', { kind: 'year-end', period: '2026' }, /2026 has not ended: it ends at 00:00 on 2027-01-01/],
    ['year 0000', { kind: 'year-end', period: '0000' }, /0000: expected a period of a year from 2000 to 2026 that has ended/],
    ['year 9999', { kind: 'year-end', period: '9999' }, /9999: expected a period of a year from 2000 to 2026/],
    ['a quarter before 2000', { kind: 'quarterly', period: '1999-Q4' }, /expected a period of a year from 2000 to 2026/],
  ])('refuses %s with 422 at /period saying why, starting nothing', async (_, body, message) => {
    const h = await harness(t.db, { now: '2026-11-30T08:00:00Z' });
    const res = await h.api.post('/api/cycles', body);
    expectProblem(res, 422, { pointer: '/period' });
    expect(res.body.errors[0].message).toMatch(message);
    expect(h.cycles.started.size).toBe(0);
  });

  it("takes a quarter from 00:00 of the next day in the bureau's time zone, not UTC's", async () => {
    const before = await harness(t.db, { now: '2026-03-31T15:59:59Z' });
    expectProblem(await before.api.post('/api/cycles', { kind: 'quarterly', period: '2026-Q1' }), 422, { pointer: '/period' });
    const after = await harness(t.db, { now: '2026-03-31T16:00:00Z' });
    expect((await after.api.post('/api/cycles', { kind: 'quarterly', period: '2026-Q1' })).status).toBe(202);
    expect((await after.api.post('/api/cycles', { kind: 'year-end', period: '2025' })).status).toBe(202);
  });
});

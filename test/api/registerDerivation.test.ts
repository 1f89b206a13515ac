// Derived rates through the API: hand submissions of a derived metric refused (JSON and CSV), and
// GET /register/communities/:id/derivation for whoever reaches the community's register.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { addCommunity, addDepartment, addOfficer } from '../support/countyRows.js';
import { activateDerivedRates, keepRegister, workedExample } from '../support/registerExample.js';
import { testCounty } from '../support/users.js';
import { c01, counts, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
const derivation = (period = '2026-Q4', community = 'c01') => `/api/register/communities/${community}/derivation?period=${period}`;

beforeAll(async () => {
  t = await freshSqlite('api-register-derivation');
  // Early January 2027: the fourth quarter has ended.
  h = await harness(t.db, { now: '2027-01-05T08:00:00Z' });
  await addCommunity(t.db, c01);
  await addCommunity(t.db, { id: 'c02', name: '城中' });
  for (const d of ['zhian', 'zhengong', 'renkou']) await addDepartment(t.db, d);
  await t.db.station.create({ data: { id: 's01', countyId: testCounty, name: '城关派出所' } });
  await addOfficer(t.db, 'o01', 'c01');
  await addOfficer(t.db, 'o02', 'c02');
  await t.db.officer.update({ where: { id: 'o01' }, data: { stationId: 's01' } });
  await activateDerivedRates(t.db, '2026-01-01', testCounty);
  await keepRegister(t.db, testCounty, 'c01', workedExample);
});
afterAll(() => t.drop());

describe('a derived metric submitted by hand', () => {
  it.each([
    ['registration', 'renkou'],
    ['keyPersonControl', 'renkou'],
  ])('refuses %s as JSON with 422 naming the metric, storing nothing', async (metric, department) => {
    const before = await counts(t.db);
    const brigade = await h.as({ role: 'department', subjectId: department });
    const res = await brigade.post('/api/metrics', { period: '2026-Q4', figures: [{ communityId: 'c01', metric, value: 0.9 }] });
    expectProblem(res, 422, { pointer: '/figures/0/metric' });
    expect(res.body.errors![0]!.message).toBe(`${metric} is derived from the population register under rule set version 2; nobody submits it`);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it('refuses it in CSV with 422 naming the line and column, storing nothing', async () => {
    const before = await counts(t.db);
    const brigade = await h.as({ role: 'department', subjectId: 'renkou' });
    const csv = 'period,communityId,metric,value,submittedBy\n2026-Q4,c01,registration,0.9,renkou\n';
    const res = await brigade.post('/api/metrics/csv').set('Content-Type', 'text/csv').send(csv);
    expectProblem(res, 422, { line: 2, column: 'metric' });
    expect(res.body.detail).toContain('registration is derived from the population register');
    expect(await counts(t.db)).toEqual(before);
  });

  it('still takes the metrics departments submit', async () => {
    const zhian = await h.as({ role: 'department', subjectId: 'zhian' });
    expect((await zhian.post('/api/metrics', { period: '2026-Q4', figures: [{ communityId: 'c01', metric: 'clues', value: 4 }] })).status).toBe(200);
  });
});

describe('GET /register/communities/:communityId/derivation', () => {
  it("shows the community's officer both rates at the period's end, with the counts and who cost points", async () => {
    const officer = await h.as({ role: 'officer', subjectId: 'o01' });
    const res = await officer.get(derivation());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026-Q4', date: '2026-12-31' });
    expect(res.body.metrics.registration).toMatchObject({ value: 0.6, numerator: 3, denominator: 5, counts: { present: 5, registered: 3 } });
    expect(res.body.metrics.registration.shortfall).toEqual([
      { cardId: 'c01-card-0102', cardNumber: '0102', personId: 'c01-p-sunli', name: '孙丽', class: 'temporary' },
      { cardId: 'c01-card-0103', cardNumber: '0103', personId: 'c01-p-zhoujie', name: '周杰', class: 'present-unregistered' },
    ]);
    expect(res.body.metrics.keyPersonControl).toMatchObject({ value: 0.3333, numerator: 1, denominator: 3 });
    expect(res.body.metrics.keyPersonControl.shortfall).toEqual([
      { listingId: 'c01-k-zhoujie', personId: 'c01-p-zhoujie', name: '周杰', why: 'help-group-incomplete' },
      { listingId: 'c01-k-lina', personId: 'c01-p-lina', name: '李娜', why: 'talk-overdue' },
    ]);
  });

  it('counts on today while the period runs, and refuses a period not begun', async () => {
    const officer = await h.as({ role: 'officer', subjectId: 'o01' });
    expect((await officer.get(derivation('2027-Q1'))).body).toMatchObject({ date: '2027-01-05' });
    expectProblem(await officer.get(derivation('2027-Q2')), 422);
    expectProblem(await officer.get(derivation('2026-Q5')), 400);
  });

  it("answers the station and the population brigade, 404 to another community's officer and other departments, 403 to the bureau", async () => {
    const ok = [await h.as({ role: 'station', subjectId: 's01' }), await h.as({ role: 'department', subjectId: 'renkou' })];
    for (const caller of ok) expect((await caller.get(derivation())).body.metrics.registration.numerator).toBe(3);
    for (const caller of [await h.as({ role: 'officer', subjectId: 'o02' }), await h.as({ role: 'department', subjectId: 'zhian' })])
      expectProblem(await caller.get(derivation()), 404);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o01' })).get(derivation('2026-Q4', 'c02')), 404);
    for (const caller of [h.api, await h.as({ role: 'bureau-head' }), await h.as({ role: 'leader', subjectId: 'L01' })])
      expectProblem(await caller.get(derivation()), 403);
  });

  it("gives an empty register's figures: no registration figure, key-person control 1", async () => {
    const officer = await h.as({ role: 'officer', subjectId: 'o02' });
    const { metrics } = (await officer.get(derivation('2026-Q4', 'c02'))).body;
    expect(metrics.registration).toMatchObject({ value: null, numerator: 0, denominator: 0, shortfall: [] });
    expect(metrics.keyPersonControl).toMatchObject({ value: 1, numerator: 0, denominator: 0 });
  });
});

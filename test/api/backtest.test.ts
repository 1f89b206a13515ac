// Back-testing a rule change on a decided year: the clerk's change (top five rewarded,
// reassignment below 75) shows up in the back-test, changes nothing already decided, and is in
// force from its effective date only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { ruleSetInForce } from '../../src/db/ruleSets.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { decideQuarters } from '../support/decidedQuarters.js';
import { expectProblem, harness } from './harness.js';
import { topFiveThreshold75 } from '../support/ruleChanges.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
/** Bureau staff of the seeded county, whose decided quarters the backtests re-decide. */
let staff: Awaited<ReturnType<typeof h.as>>;
let county: string;
const decisionsNow = () => t.db.decision.findMany({ orderBy: { id: 'asc' } });

beforeAll(async () => {
  t = await freshSqlite('api-backtest');
  await seedDemoCounty(t.db, { today: '2026-01-01' });
  const activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2027-01-05T00:00:00Z') });
  // Q1 and Q2 alike, so that one office is last twice running; then places move.
  await decideQuarters(t.db, activities, 2026, [0, 0, 3, 4]);
  h = await harness(t.db);
  county = (await t.db.community.findFirstOrThrow()).countyId;
  staff = await h.as({ role: 'bureau-staff', countyId: county });
});
afterAll(() => t.drop());

describe('POST /api/rulesets/{id}/backtest', () => {
  it('finds no change when the rules in force re-decide their own year', async () => {
    const res = await staff.post('/api/rulesets/1/backtest');
    expect(res.status).toBe(200);
    expect(res.body.periods.map((p: any) => p.period)).toEqual(['2026', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(res.body.periods.every((p: any) => p.offices.length === 0 && p.officers.length === 0)).toBe(true);
    expect(res.body.totals).toMatchObject({ officesChanged: 0, officersChanged: 0, money: { change: 0 }, sanctions: { change: 0 } });
    expect(res.body.totals.subsidy.actual).toBeGreaterThan(0);
    expect(res.body.years).toEqual([{ year: 2026, basis: 'projected' }]);
  });

  it('shows the change, leaves every decision as it was, and applies it from its date only', async () => {
    const before = await decisionsNow();
    const created = await staff.post('/api/rulesets', { document: topFiveThreshold75(), effectiveFrom: '2027-01-01', reason: 'top five; 75' });
    expect(created.status).toBe(201);
    const res = await staff.post(`/api/rulesets/${created.body.id}/backtest`);
    expect(res.status).toBe(200);
    const year = res.body.periods.find((p: any) => p.period === '2026');
    expect(year.offices.filter((o: any) => o.reward).map((o: any) => o.reward)).toEqual([
      { actual: 0, candidate: 300, change: 300 },
      { actual: 0, candidate: 300, change: 300 },
    ]);
    expect(res.body.totals.rewards).toMatchObject({ change: 600 });
    expect(res.body.totals.subsidy.change).toBe(0);
    expect(await decisionsNow()).toEqual(before);
    expect((await ruleSetInForce(t.db, county, '2026-12-31')).id).toBe(1);
    expect((await ruleSetInForce(t.db, county, '2027-03-31')).id).toBe(created.body.id);
  });

  it('reports a lower reassignment threshold as removed sanctions', async () => {
    const doc = topFiveThreshold75();
    doc.name = 'threshold-0';
    doc.rules.quarterly[1].conditions.all[2].value = 0;
    const created = await staff.post('/api/rulesets', { document: doc, effectiveFrom: '2027-04-01', reason: 'never reassign' });
    const res = await staff.post(`/api/rulesets/${created.body.id}/backtest`);
    const removed = res.body.periods.flatMap((p: any) => p.offices.flatMap((o: any) => o.sanctions?.removed ?? []));
    const stored = await t.db.decision.count({ where: { kind: 'rural-reassignment' } });
    expect(stored).toBeGreaterThan(0);
    expect(removed.filter((k: string) => k === 'rural-reassignment')).toHaveLength(stored);
    expect(res.body.totals.sanctions.change).toBe(-stored);
  });

  it('answers 404 for an unknown version', async () => {
    expectProblem(await staff.post('/api/rulesets/99/backtest'), 404);
  });

  it("re-decides only the caller's county: another county has no decided quarters, and the seeded county's versions are not its own", async () => {
    const other = await h.as({ role: 'bureau-staff', countyId: 'other-county' });
    const [theirs] = (await other.get('/api/rulesets')).body;
    const res = await other.post(`/api/rulesets/${theirs.id}/backtest`);
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual([]);
    expect(res.body.years).toEqual([]);
    expectProblem(await other.post('/api/rulesets/1/backtest'), 404);
    expectProblem(await (await h.as({ role: 'bureau-head', countyId: county })).post('/api/rulesets/1/backtest'), 403);
  });
});

describe('POST /api/rulesets/backtest (a draft, before saving)', () => {
  it('back-tests an unsaved document, shows score changes per office, and saves nothing', async () => {
    const versions = await t.db.ruleSetVersion.count();
    const doc = topFiveThreshold75();
    doc.scoring.metrics.satisfaction.weight = 40;
    const res = await staff.post('/api/rulesets/backtest', { document: doc });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('county-2026-top-five');
    const q1 = res.body.periods.find((p: any) => p.period === '2026-Q1');
    expect(q1.offices.length).toBeGreaterThan(0);
    for (const o of q1.offices.filter((x: any) => x.score)) expect(o.score.candidate).not.toBe(o.score.actual);
    expect(res.body.totals.rewards.change).not.toBe(0);
    expect(await t.db.ruleSetVersion.count()).toBe(versions);
  });

  it('answers 422 at the field of an invalid document, under /document', async () => {
    const doc = topFiveThreshold75();
    doc.scoring.metrics.satisfaction.weight = 'heavy';
    const res = await staff.post('/api/rulesets/backtest', { document: doc });
    expectProblem(res, 422);
    expect(res.body.errors.map((e: any) => e.pointer)).toContain('/document/scoring/metrics/satisfaction/weight');
  });
});

// 月考 and 半年考 over HTTP: off until a rule-set version defines them, then started, fed with
// figures, decided by the same activities as the quarter, explained and back-tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { activateMonthlyAndHalfYear } from '../support/cadenceRules.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { demoFigures } from '../support/figures.js';
import { testCounty } from '../support/users.js';
import { counts, expectProblem, harness } from './harness.js';
import { seedTestCounty } from '../support/counties.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
let communities: string[];
let activities: ReturnType<typeof createActivities>;
/** The department that supplies the satisfaction rate, signed in as itself. */
let zhengong: Awaited<ReturnType<typeof h.as>>;

beforeAll(async () => {
  t = await freshSqlite('api-cadences');
  // The clerk's own county holds the demo registry.
  await seedTestCounty(t.db, { countyId: testCounty, today: '2026-01-01' });
  // July: the months and the half-year started below have ended.
  h = await harness(t.db, { now: '2026-07-02T08:00:00Z' });
  communities = (await t.db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
  zhengong = await h.as({ role: 'department', subjectId: 'zhengong' });
});
afterAll(() => t.drop());

const figures = (period: string) => ({ period, submittedBy: 'zhengong', figures: demoFigures(communities).filter((f) => f.metric === 'satisfaction') });

describe('off by default', () => {
  it('refuses a monthly or half-year cycle and their figures, naming the missing stage, writing nothing', async () => {
    const before = await counts(t.db);
    const monthly = await h.api.post('/api/cycles', { kind: 'monthly', period: '2026-01' });
    expectProblem(monthly, 422, { pointer: '/kind' });
    expect(monthly.body.errors[0].message).toMatch(/"rules\.monthly".*2026-01 is not evaluated/);
    expectProblem(await h.api.post('/api/cycles', { kind: 'half-year', period: '2026-H1' }), 422, { pointer: '/kind' });
    const figuresRes = await zhengong.post('/api/metrics', figures('2026-01'));
    expectProblem(figuresRes, 422, { pointer: '/period' });
    expect(figuresRes.body.errors[0].message).toMatch(/figures for it are not accepted/);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.started.size).toBe(0);
  });

  it('refuses to open such a cycle in the workflow too, without a Cycle row', async () => {
    await expect(activities.openCycle({ cycleId: 'monthly-2025-12-test-county', period: '2025-12', countyId: testCounty })).rejects.toMatchObject({
      type: 'InvalidCycleInput',
      nonRetryable: true,
    });
    expect(await t.db.cycle.findUnique({ where: { id: 'monthly-2025-12-test-county' } })).toBeNull();
  });
});

describe('switched on by a rule-set version', () => {
  beforeAll(() => activateMonthlyAndHalfYear(t.db, '2026-01-01', testCounty));

  it('starts monthly and half-year cycles under their own ids', async () => {
    expect((await h.api.post('/api/cycles', { kind: 'monthly', period: '2026-03' })).body).toEqual({ cycleId: 'monthly-2026-03-test-county' });
    expect((await h.api.post('/api/cycles', { kind: 'half-year', period: '2026-H1' })).body).toEqual({ cycleId: 'half-year-2026-H1-test-county' });
    expect(h.cycles.started.get('monthly-2026-03-test-county')).toMatchObject({ countyId: testCounty, kind: 'monthly', period: '2026-03' });
  });

  it("takes a month's figures and tells that month's cycle", async () => {
    const res = await zhengong.post('/api/metrics', figures('2026-03'));
    expect(res.status).toBe(200);
    expect(h.cycles.submitted).toContainEqual({ countyId: testCounty, period: '2026-03', communityId: communities[0], metrics: ['satisfaction'] });
  });

  it('decides two months with the same activities as a quarter: sanctions, joint notice, no subsidy', async () => {
    await zhengong.post('/api/metrics', figures('2026-02')).expect(200);
    for (const period of ['2026-02', '2026-03']) {
      const opened = await activities.openCycle({ cycleId: `monthly-${period}-test-county`, period, countyId: testCounty });
      expect(opened.missing).toHaveLength(communities.length * 6);
      const summary = await activities.decideAndPersist({ cycleId: `monthly-${period}-test-county`, gaps: [] });
      expect(summary).toMatchObject({ period, ranked: communities.length, obligations: 0, subsidyTotal: 0 });
    }
    expect(await t.db.cycle.findUniqueOrThrow({ where: { id: 'monthly-2026-03-test-county' } })).toMatchObject({ kind: 'monthly', status: 'decided' });
    const last = (await h.api.get('/api/evaluations?period=2026-03')).body.find((e: any) => e.isLast);
    const sanctions = (await h.api.get('/api/decisions?cycleId=monthly-2026-03-test-county&type=sanction')).body;
    expect(sanctions.map((d: any) => `${d.subjectId}:${d.kind}`).sort()).toEqual([
      `${last.communityId}:admonishment-talk`,
      `${last.communityId}:circulated-criticism`,
    ]);
    expect((await h.api.get('/api/decisions?cycleId=monthly-2026-03-test-county&type=subsidy')).body).toEqual([]);

    const talk = sanctions.find((d: any) => d.kind === 'admonishment-talk');
    const explanation = (await h.api.get(`/api/decisions/${encodeURIComponent(talk.id)}/explanation`)).body;
    expect(explanation.zh).toBe('连续两个月排名末位：诫勉谈话');
    expect(explanation.en).toBe('Last for 2 months in a row: an admonishment talk.');

    const notice = (await h.api.get(`/api/notices?kind=joint-notice&about=${last.communityId}`)).body.find(
      (n: any) => n.cycleId === 'monthly-2026-03-test-county',
    );
    expect(notice.titleZh).toContain('2026年3月考评排名末位');
  });

  it('back-tests the months too: rules without 月考 would have decided none of them', async () => {
    const res = await h.api.post('/api/rulesets/1/backtest');
    expect(res.status).toBe(200);
    const march = res.body.periods.find((p: any) => p.period === '2026-03');
    expect(march.offices.flatMap((o: any) => o.sanctions?.removed ?? []).sort()).toEqual(['admonishment-talk', 'circulated-criticism']);
    expect(res.body.totals.sanctions).toMatchObject({ actual: 3, candidate: 0, change: -3 });
    const own = await h.api.post('/api/rulesets/2/backtest');
    expect(own.body.totals).toMatchObject({ officesChanged: 0, sanctions: { change: 0 } });
  });
});

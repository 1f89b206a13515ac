// Binding scorecards: a leader and a department carry their community's quarter, sanctions,
// diversions, and (the leader) the months of presence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { cycleId } from '../../src/contracts/cycles.js';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshSqlite } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
let last: string;
const n = (community: string) => community.slice(1);

beforeAll(async () => {
  db = (await freshSqlite('api-scorecards')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  const ids = (await db.community.findMany()).map((c) => c.id);
  await submitDemoFigures(db, '2026-Q1', ids);
  const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
  const quarter = cycleId('quarterly', '2026-Q1', testCounty);
  await activities.openCycle({ cycleId: quarter, period: '2026-Q1', countyId: testCounty });
  await activities.decideAndPersist({ cycleId: quarter, gaps: [] });
  last = (await db.evaluation.findFirstOrThrow({ where: { isLast: true } })).communityId;
  await db.presenceMonth.create({
    data: { leaderId: `L${n(last)}`, month: '2026-02', communityId: last, days: 1, required: 2, compliant: false, countedDays: ['2026-02-03'] },
  });
  await db.presenceMonth.create({
    data: { leaderId: `L${n(last)}`, month: '2026-03', communityId: last, days: 2, required: 2, compliant: true, countedDays: ['2026-03-03', '2026-03-09'] },
  });
  const officer = (await db.binding.findFirstOrThrow({ where: { communityId: last, subjectType: 'officer' } })).subjectId;
  // The demo seed puts every officer in a station: the officer's own records the diversion.
  const { stationId } = await db.officer.findUniqueOrThrow({ where: { id: officer } });
  const station = await h.as({ role: 'station', subjectId: stationId! });
  await station.post('/api/diversions', { officerId: officer, date: '2026-03-02', kind: 'case-work' }).expect(201);
  await seedOtherCounty(db);
});

afterAll(async () => db?.$disconnect());

describe('GET /api/leaders/{id}/scorecard', () => {
  it("shows the leader his bound community's last place, its sanctions, diversions and his presence months; the bureau the same", async () => {
    const leader = await h.as({ role: 'leader', subjectId: `L${n(last)}` });
    const res = await leader.get(`/api/leaders/L${n(last)}/scorecard?year=2026`);
    expect(res.status).toBe(200);
    expect((await h.api.get(`/api/leaders/L${n(last)}/scorecard?year=2026`).expect(200)).body).toEqual(res.body);
    const [q1] = res.body.quarters;
    expect(q1).toMatchObject({ period: '2026-Q1', communityId: last, evaluated: true, rank: 10, offices: 10, isLast: true, diversions: 1 });
    expect(q1.sanctions.map((s: { kind: string }) => s.kind).sort()).toEqual(['admonishment-talk', 'circulated-criticism']);
    expect(res.body.presence).toEqual([
      { month: '2026-02', communityId: last, days: 1, required: 2, compliant: false },
      { month: '2026-03', communityId: last, days: 2, required: 2, compliant: true },
    ]);
    expect(res.body.summary).toEqual({ quartersLast: 1, sanctions: 2, diversions: 1, nonCompliantMonths: 1 });
    expect(res.body.quarters[1]).toMatchObject({ period: '2026-Q2', evaluated: false });
  });
});

describe('GET /api/departments/{id}/scorecard', () => {
  it('shows the department the same community quarter without presence, and 404 for an unknown department', async () => {
    const department = await h.as({ role: 'department', subjectId: `D${n(last)}` });
    const res = await department.get(`/api/departments/D${n(last)}/scorecard?year=2026`);
    expect(res.status).toBe(200);
    expect((await h.api.get(`/api/departments/D${n(last)}/scorecard?year=2026`).expect(200)).body).toEqual(res.body);
    expect(res.body.presence).toBeUndefined();
    expect(res.body.summary).toEqual({ quartersLast: 1, sanctions: 2, diversions: 1 });
    expectProblem(await h.api.get('/api/departments/D99/scorecard'), 404);
    expectProblem(await h.api.get('/api/leaders/L01/scorecard?year=abc'), 400);
  });
});

describe('who reads a scorecard', () => {
  it("answers 404 for another leader's or department's card and another county's, 403 for roles without a card", async () => {
    const other = last === 'c01' ? '02' : '01';
    const leader = await h.as({ role: 'leader', subjectId: `L${n(last)}` });
    const department = await h.as({ role: 'department', subjectId: `D${n(last)}` });
    expectProblem(await leader.get(`/api/leaders/L${other}/scorecard`), 404);
    expectProblem(await department.get(`/api/departments/D${other}/scorecard`), 404);
    expectProblem(await h.api.get('/api/leaders/XL1/scorecard'), 404);
    expectProblem(await h.api.get('/api/departments/XD1/scorecard'), 404);
    expectProblem(await (await h.as({ role: 'bureau-head', countyId: 'other-county' })).get(`/api/leaders/L${n(last)}/scorecard`), 404);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/leaders/XL1/scorecard?year=2026').expect(200)).body.subject).toEqual({ type: 'leader', id: 'XL1', name: '外县局领导' });
    expectProblem(await leader.get(`/api/departments/D${n(last)}/scorecard`), 403);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o01' })).get(`/api/leaders/L${n(last)}/scorecard`), 403);
  });
});

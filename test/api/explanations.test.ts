// A decided quarter, read back through the API: every stored decision explains itself with the
// rule-set version, the facts and the condition results the engine reported.
import { testCounty, testCountyRecord } from '../support/users.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { cycleId as cycleIdOf } from '../../src/contracts/cycles.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
const cycleId = cycleIdOf('quarterly', '2026-Q1', testCounty);

beforeAll(async () => {
  t = await freshSqlite('api-explanations');
  await seedDemoCounty(t.db, { today: '2026-01-01', county: testCountyRecord });
  const ids = (await t.db.community.findMany()).map((c) => c.id);
  await submitDemoFigures(t.db, '2026-Q1', ids);
  const activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
  await activities.openCycle({ cycleId, period: '2026-Q1', countyId: testCounty });
  await activities.decideAndPersist({ cycleId, gaps: [] });
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('GET /api/decisions/{id}/explanation', () => {
  it('explains every decision of the cycle in Chinese and English', async () => {
    const decisions = (await h.api.get(`/api/decisions?cycleId=${cycleId}`)).body as { id: string; type: string }[];
    expect(decisions.length).toBeGreaterThan(16);
    for (const d of decisions) {
      const res = await h.api.get(`/api/decisions/${encodeURIComponent(d.id)}/explanation`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        decision: d.id,
        ruleSetVersion: { id: 1, name: 'county-default-2026' },
        zh: expect.stringMatching(/[\u4e00-\u9fff].*：/),
        en: expect.stringMatching(/\.$/),
      });
      expect(res.body.facts).not.toHaveProperty('conditionResults');
    }
  });

  it('shows the condition results of a sanction', async () => {
    const [sanction] = (await h.api.get(`/api/decisions?cycleId=${cycleId}&kind=circulated-criticism`)).body;
    const res = await h.api.get(`/api/decisions/${encodeURIComponent(sanction.id)}/explanation`);
    expect(res.body.conditions).toEqual([{ fact: 'isLast', operator: 'equal', value: true, factResult: true, result: true }]);
    expect(res.body.facts).toMatchObject({ isLast: true, score: expect.any(Number) });
    expect(res.body.zh).toBe('本季度排名末位：通报批评');
    expect(res.body.en).toBe('Last this quarter: circulated criticism.');
  });

  it('answers 404 for an unknown decision', async () => {
    expectProblem(await h.api.get('/api/decisions/nope/explanation'), 404);
  });

  it("explains to an officer the decisions naming them; another's, or another county's, answers 404", async () => {
    const [sanction] = (await h.api.get(`/api/decisions?cycleId=${cycleId}&kind=circulated-criticism`)).body as { id: string; officers: string[] }[];
    const [named, ...others] = sanction!.officers;
    const path = `/api/decisions/${encodeURIComponent(sanction!.id)}/explanation`;
    const own = await (await h.as({ role: 'officer', subjectId: named! })).get(path);
    expect(own.status).toBe(200);
    expect(own.body.officers).toContain(named);
    const stranger = (await t.db.officer.findMany({ select: { id: true } })).map((o) => o.id).find((id) => id !== named && !others.includes(id))!;
    expectProblem(await (await h.as({ role: 'officer', subjectId: stranger })).get(path), 404);
    expectProblem(await (await h.as({ role: 'bureau-staff', countyId: 'other-county' })).get(path), 404);
    // Finance pays what the decisions decide: it reads them in its county, and no other county's.
    await (await h.as({ role: 'finance' })).get(path).expect(200);
    expectProblem(await (await h.as({ role: 'finance', countyId: 'other-county' })).get(path), 404);
    await (await h.as({ role: 'province-reader', countyId: null })).get(path).expect(200);
  });
});

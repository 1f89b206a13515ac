// The main flows again on PostgreSQL: transactions, JSON columns and unique keys behave
// differently enough from SQLite to be worth the second run.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshPostgres, type TestDb } from '../support/db.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { actor, counts, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshPostgres('api-postgres');
  // The demo registry in the county of the harness's clerk, so that the flows below find its leaders and departments.
  expect(await seedDemoCounty(t.db, { today: '2026-01-05', token: 'bureau-token', county: testCountyRecord })).toEqual({ seeded: true });
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('on PostgreSQL', () => {
  it('seeds once', async () => {
    const before = await counts(t.db);
    expect(before).toMatchObject({ communities: 10, officers: 16, bindings: 36 });
    expect(await seedDemoCounty(t.db, { today: '2026-01-05' })).toEqual({ seeded: false });
    expect(await counts(t.db)).toEqual(before);
  });

  it('requires a token', async () => {
    expectProblem(await request(h.app).get('/api/communities'), 401);
  });

  it('creates and patches a community, audited with the actor', async () => {
    await h.api.post('/api/communities', { id: 'c11', name: '江北', population: 9000, complexity: 3, area: 'rural' }).expect(201);
    await h.api.patch('/api/communities/c11', { complexity: 4 }).expect(200);
    const audit = (await h.api.get('/api/audit?entity=Community&entityId=c11')).body;
    expect(audit).toEqual([
      expect.objectContaining({ actor, action: 'create' }),
      expect.objectContaining({
        actor,
        action: 'update',
        before: expect.objectContaining({ complexity: 3 }),
        after: expect.objectContaining({ complexity: 4 }),
      }),
    ]);
  });

  it('rejects invalid communities and malformed JSON, writing nothing', async () => {
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/communities', { id: 'c12', name: 'x', population: -1, complexity: 3 }), 422, { pointer: '/population' });
    expectProblem(await h.api.post('/api/communities', { id: 'c12', name: 'x', population: 1, complexity: 7 }), 422, { pointer: '/complexity' });
    expectProblem(await h.api.post('/api/communities').set('Content-Type', 'application/json').send('{'), 400, { pointer: '' });
    expect(await counts(t.db)).toEqual(before);
  });

  it('refuses to bind a leader to a second community, also when both requests race', async () => {
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/bindings', { communityId: 'c11', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-04-01' }), 409, {
      pointer: '/subjectId',
    });
    expect(await counts(t.db)).toEqual(before);

    await h.api.post('/api/leaders', { id: 'L11', name: '局领导11' }).expect(201);
    const race = await Promise.all(
      ['c11', 'c10'].map((communityId) => h.api.post('/api/bindings', { communityId, subjectType: 'leader', subjectId: 'L11', effectiveFrom: '2026-04-01' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.binding.count({ where: { subjectId: 'L11' } })).toBe(1);
  });

  it('stores JSON and CSV figures and upserts them', async () => {
    const zhian = await h.as({ role: 'department', subjectId: 'zhian' });
    await zhian
      .post('/api/metrics', {
        period: '2026-Q1',
        submittedBy: 'zhian',
        figures: [
          { communityId: 'c01', metric: 'incidents', value: 14 },
          { communityId: 'c02', metric: 'prevention', value: 0.7 },
        ],
      })
      .expect(200);
    const res = await zhian
      .post('/api/metrics/csv')
      .attach('file', Buffer.from('period,communityId,metric,value,submittedBy\n2026-Q1,c01,incidents,12,zhian\n2026-Q1,c01,clues,9,zhian\n'), 'q1.csv');
    expect(res.body).toMatchObject({ stored: 2, created: 1, updated: 1 });
    expect((await h.api.get('/api/metrics?period=2026-Q1&communityId=c01')).body.map((m: { metric: string; value: number }) => [m.metric, m.value])).toEqual([
      ['clues', 9],
      ['incidents', 12],
    ]);
    expect(h.cycles.submitted).toContainEqual({ countyId: testCounty, period: '2026-Q1', communityId: 'c01', metrics: ['clues', 'incidents'] });
  });

  it('stores no figure of a submission with one bad row', async () => {
    const before = await counts(t.db);
    const zhian = await h.as({ role: 'department', subjectId: 'zhian' });
    expectProblem(
      await zhian.post('/api/metrics', {
        period: '2026-Q1',
        submittedBy: 'zhian',
        figures: [
          { communityId: 'c03', metric: 'clues', value: 3 },
          { communityId: 'c03', metric: 'prevention', value: 1.3 },
        ],
      }),
      422,
      { pointer: '/figures/1/value' },
    );
    expectProblem(
      await zhian
        .post('/api/metrics/csv')
        .set('Content-Type', 'text/csv')
        .send('period,communityId,metric,value,submittedBy\n2026-Q1,c03,clues,3,zhian\n2026-Q1,c99,clues,3,zhian\n'),
      422,
      { line: 3, column: 'communityId' },
    );
    expect(await counts(t.db)).toEqual(before);
  });

  it('answers a second cycle start with 409', async () => {
    await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q4' }).expect(202);
    expectProblem(await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q4' }), 409, { pointer: '/period' });
  });
});

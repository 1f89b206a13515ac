import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { actor, c01, counts, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-bindings');
  h = await harness(t.db);
  await h.api.post('/api/communities', c01).expect(201);
  await h.api.post('/api/communities', { id: 'c02', name: '城中', population: 28500, complexity: 1 }).expect(201);
  await h.api.post('/api/officers', { id: 'o01', name: '民警01' }).expect(201);
  await h.api.post('/api/leaders', { id: 'L01', name: '局领导01' }).expect(201);
  await h.api.post('/api/departments', { id: 'D01', name: '政工室' }).expect(201);
});
afterAll(() => t.drop());

const bind = (body: object) => h.api.post('/api/bindings', body);

describe('bindings', () => {
  it('binds an officer, a leader and a department to a community, audited', async () => {
    for (const [subjectType, subjectId] of [
      ['officer', 'o01'],
      ['leader', 'L01'],
      ['department', 'D01'],
    ]) {
      const res = await bind({ communityId: 'c01', subjectType, subjectId, effectiveFrom: '2026-01-01' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/bindings/${res.body.id}`);
    }
    const audit = (await h.api.get('/api/audit?entity=Binding')).body;
    expect(audit).toHaveLength(3);
    expect(audit.every((e: { actor: string; action: string }) => e.actor === actor && e.action === 'create')).toBe(true);
  });

  it('lists the bindings of a community in force on a day', async () => {
    const inForce = (await h.api.get('/api/bindings?communityId=c01&at=2026-02-01')).body;
    expect(inForce.map((b: { subjectId: string }) => b.subjectId).sort()).toEqual(['D01', 'L01', 'o01']);
    expect((await h.api.get('/api/bindings?communityId=c01&at=2025-12-31')).body).toEqual([]);
  });

  it('rejects a second binding of the leader to another community while the first holds, naming /subjectId', async () => {
    const before = await counts(t.db);
    const res = await bind({ communityId: 'c02', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-03-01' });
    expectProblem(res, 409, { pointer: '/subjectId' });
    expect(res.body.detail).toContain('c01');
    expectProblem(await bind({ communityId: 'c02', subjectType: 'department', subjectId: 'D01', effectiveFrom: '2026-03-01' }), 409, { pointer: '/subjectId' });
    expectProblem(await bind({ communityId: 'c01', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2026-02-01' }), 409, { pointer: '/subjectId' });
    expect(await counts(t.db)).toEqual(before);
  });

  it('allows the move once the first binding is ended, and refuses to reopen it over the new one', async () => {
    const [leaderBinding] = (await h.api.get('/api/bindings?subjectType=leader&subjectId=L01')).body;
    const ended = await h.api.patch(`/api/bindings/${leaderBinding.id}`, { effectiveTo: '2026-02-28' });
    expect(ended.status).toBe(200);
    expect(ended.body.effectiveTo).toBe('2026-02-28');
    // The end day is inclusive: the new span may start the next day, not on it.
    expectProblem(await bind({ communityId: 'c02', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-02-28' }), 409, { pointer: '/subjectId' });
    expect((await bind({ communityId: 'c02', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-03-01' })).status).toBe(201);
    expectProblem(await h.api.patch(`/api/bindings/${leaderBinding.id}`, { effectiveTo: null }), 409, { pointer: '/effectiveTo' });

    const update = (await h.api.get(`/api/audit?entity=Binding&entityId=${leaderBinding.id}&action=update`)).body;
    expect(update).toEqual([
      expect.objectContaining({ actor, before: expect.objectContaining({ effectiveTo: null }), after: expect.objectContaining({ effectiveTo: '2026-02-28' }) }),
    ]);
  });

  it('lets only one of two racing requests bind a department', async () => {
    await h.api.post('/api/departments', { id: 'D02', name: '治安大队' }).expect(201);
    const race = await Promise.all(
      ['c01', 'c02'].map((communityId) => bind({ communityId, subjectType: 'department', subjectId: 'D02', effectiveFrom: '2026-04-01' })),
    );
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await t.db.binding.count({ where: { subjectId: 'D02' } })).toBe(1);
  });

  it('lets an officer be bound to two communities', async () => {
    expect((await bind({ communityId: 'c02', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2026-01-01' })).status).toBe(201);
  });

  it.each([
    ['an unknown community', { communityId: 'c99', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2027-01-01' }, 422, '/communityId'],
    ['an unknown subject', { communityId: 'c01', subjectType: 'leader', subjectId: 'L99', effectiveFrom: '2027-01-01' }, 422, '/subjectId'],
    ['an unknown subject type', { communityId: 'c01', subjectType: 'station', subjectId: 'L01', effectiveFrom: '2027-01-01' }, 422, '/subjectType'],
    ['an impossible date', { communityId: 'c01', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2026-02-30' }, 422, '/effectiveFrom'],
    [
      'an end before the start',
      { communityId: 'c01', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2027-01-01', effectiveTo: '2026-12-31' },
      422,
      '/effectiveTo',
    ],
  ])('rejects %s, naming the field, and writes nothing', async (_, body, status, pointer) => {
    const before = await counts(t.db);
    expectProblem(await bind(body), status, { pointer });
    expect(await counts(t.db)).toEqual(before);
  });

  it('answers 404 for an unknown binding and 400 for a bad date in the query', async () => {
    expectProblem(await h.api.patch('/api/bindings/9999', { effectiveTo: '2026-12-31' }), 404);
    expectProblem(await h.api.patch('/api/bindings/abc', { effectiveTo: '2026-12-31' }), 404);
    const res = await h.api.get('/api/bindings?at=yesterday');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'at' })]);
  });
});

describe('who sees and makes bindings', () => {
  const ids = (res: { body: { subjectType: string; subjectId: string }[] }) => [...new Set(res.body.map((b) => `${b.subjectType}:${b.subjectId}`))];

  it('lets a leader, an officer and a department read their own bindings and no one else’s', async () => {
    const leader = await h.as({ role: 'leader', subjectId: 'L01' });
    expect(ids(await leader.get('/api/bindings'))).toEqual(['leader:L01']);
    expect(ids(await leader.get('/api/bindings?subjectType=officer'))).toEqual([]);
    const officer = await h.as({ role: 'officer', subjectId: 'o01' });
    const own = await officer.get('/api/bindings');
    expect(ids(own)).toEqual(['officer:o01']);
    expect((await officer.get(`/api/bindings/${own.body[0].id}`)).status).toBe(200);
    const [leaderBinding] = (await h.api.get('/api/bindings?subjectType=leader&subjectId=L01')).body;
    expectProblem(await officer.get(`/api/bindings/${leaderBinding.id}`), 404);
    const department = await h.as({ role: 'department', subjectId: 'D02' });
    expect(ids(await department.get('/api/bindings'))).toEqual(['department:D02']);
    expectProblem(await department.get(`/api/bindings/${leaderBinding.id}`), 404);
    // Binding is the bureau's act.
    expectProblem(await leader.post('/api/bindings', { communityId: 'c02', subjectType: 'leader', subjectId: 'L01', effectiveFrom: '2028-01-01' }), 403);
    expectProblem(await leader.patch(`/api/bindings/${leaderBinding.id}`, { effectiveTo: '2026-02-27' }), 403);
    expectProblem(await (await h.as({ role: 'station', subjectId: 'S01' })).get('/api/bindings'), 403);
  });

  it("keeps another county's bindings, communities and people out of reach: 404 and 422 as for missing ones", async () => {
    const staff = await h.as({ role: 'bureau-staff', countyId: 'other-county' });
    await staff.post('/api/communities', { id: 'x01', name: '外县社区', population: 3000, complexity: 2 }).expect(201);
    await staff.post('/api/leaders', { id: 'XL1', name: '外县领导' }).expect(201);
    const theirs = await staff.post('/api/bindings', { communityId: 'x01', subjectType: 'leader', subjectId: 'XL1', effectiveFrom: '2026-01-01' });
    expect(theirs.status).toBe(201);
    expect(theirs.body.countyId).toBe('other-county');
    expect((await staff.get('/api/bindings')).body.map((b: { id: number }) => b.id)).toEqual([theirs.body.id]);

    expect((await h.api.get('/api/bindings')).body.map((b: { id: number }) => b.id)).not.toContain(theirs.body.id);
    expectProblem(await h.api.get(`/api/bindings/${theirs.body.id}`), 404);
    expectProblem(await h.api.patch(`/api/bindings/${theirs.body.id}`, { effectiveTo: '2026-12-31' }), 404);
    const before = await counts(t.db);
    expectProblem(await bind({ communityId: 'x01', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2027-01-01' }), 422, { pointer: '/communityId' });
    expectProblem(await bind({ communityId: 'c01', subjectType: 'leader', subjectId: 'XL1', effectiveFrom: '2027-01-01' }), 422, { pointer: '/subjectId' });
    expectProblem(await staff.post('/api/bindings', { communityId: 'x01', subjectType: 'officer', subjectId: 'o01', effectiveFrom: '2027-01-01' }), 422, {
      pointer: '/subjectId',
    });
    expect(await counts(t.db)).toEqual(before);
  });

  it('names the user, role, county and method in the audit row of a binding', async () => {
    const staff = await h.as({ role: 'bureau-staff', id: 'clerk-wang' });
    await staff.post('/api/officers', { id: 'o05', name: '民警05' }).expect(201);
    const res = await staff.post('/api/bindings', { communityId: 'c02', subjectType: 'officer', subjectId: 'o05', effectiveFrom: '2026-05-01' });
    expect(res.status).toBe(201);
    expect((await h.api.get(`/api/audit?entity=Binding&entityId=${res.body.id}`)).body).toEqual([
      expect.objectContaining({
        actor: 'clerk-wang',
        role: 'bureau-staff',
        countyId: 'test-county',
        authMethod: 'token',
        credentialId: expect.stringMatching(/^tok_/),
      }),
    ]);
  });
});

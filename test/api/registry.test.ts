import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { actor, c01, counts, expectProblem, harness, today } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-registry');
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('authentication', () => {
  it('rejects a request without a token with 401 and writes nothing', async () => {
    const before = await counts(t.db);
    const res = await request(h.app).post('/api/communities').send(c01);
    expectProblem(res, 401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(await counts(t.db)).toEqual(before);
  });

  it('rejects an unknown token with 401', async () => {
    const res = await request(h.app).get('/api/communities').set('Authorization', 'Bearer not-a-token');
    expectProblem(res, 401);
  });
});

describe('unknown routes', () => {
  it('answers 404 problems inside and outside /api', async () => {
    expectProblem(await h.api.get('/api/nothing-here'), 404);
    expectProblem(await request(h.app).get('/elsewhere'), 404);
  });
});

describe('communities', () => {
  it('creates, lists, reads and patches, auditing each write with the actor', async () => {
    const created = await h.api.post('/api/communities', c01);
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/communities/c01');
    expect(created.body).toMatchObject({ ...c01, area: 'urban' });

    expect((await h.api.get('/api/communities')).body.map((c: { id: string }) => c.id)).toEqual(['c01']);
    expect((await h.api.get('/api/communities/c01')).body).toMatchObject(c01);

    const patched = await h.api.patch('/api/communities/c01', { population: 7200, area: 'rural' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ population: 7200, area: 'rural' });

    const audit = (await h.api.get('/api/audit?entity=Community&entityId=c01')).body;
    expect(audit).toEqual([
      expect.objectContaining({ actor, action: 'create', before: null, after: expect.objectContaining({ population: 7000 }) }),
      expect.objectContaining({
        actor,
        action: 'update',
        before: expect.objectContaining({ population: 7000, area: 'urban' }),
        after: expect.objectContaining({ population: 7200, area: 'rural' }),
      }),
    ]);
  });

  it('answers 404 for an unknown community', async () => {
    expectProblem(await h.api.get('/api/communities/c99'), 404);
    expectProblem(await h.api.patch('/api/communities/c99', { name: 'x' }), 404);
  });

  it('rejects a duplicate id with 409 naming /id', async () => {
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/communities', c01), 409, { pointer: '/id' });
    expect(await counts(t.db)).toEqual(before);
  });

  it.each([
    ['negative population', { ...c01, id: 'c02', population: -5 }, '/population'],
    ['fractional population', { ...c01, id: 'c02', population: 10.5 }, '/population'],
    ['complexity 7', { ...c01, id: 'c02', complexity: 7 }, '/complexity'],
    ['unknown area', { ...c01, id: 'c02', area: 'suburban' }, '/area'],
    ['missing name', { id: 'c02', population: 10, complexity: 1 }, '/name'],
    ['unknown field', { ...c01, id: 'c02', mayor: 'x' }, ''],
  ])('rejects %s with 422 naming the field and writes nothing', async (_, body, pointer) => {
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/communities', body), 422, { pointer });
    expect(await counts(t.db)).toEqual(before);
  });

  it('rejects an invalid patch with 422 and leaves the row as it was', async () => {
    const before = await counts(t.db);
    expectProblem(await h.api.patch('/api/communities/c01', { complexity: 0 }), 422, { pointer: '/complexity' });
    expectProblem(await h.api.patch('/api/communities/c01', {}), 422, { pointer: '' });
    expect(await counts(t.db)).toEqual(before);
    expect((await h.api.get('/api/communities/c01')).body.complexity).toBe(5);
  });

  it('rejects a malformed JSON body with 400 and pointer ""', async () => {
    const before = await counts(t.db);
    const res = await h.api.post('/api/communities').set('Content-Type', 'application/json').send('{"id": "c03", ');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([{ pointer: '', message: 'malformed JSON' }]);
    expect(res.body.detail).toContain('malformed JSON');
    expect(await counts(t.db)).toEqual(before);
  });

  it('rejects a body over 1 MB with 413', async () => {
    const res = await h.api.post('/api/communities', { ...c01, id: 'c04', name: 'x'.repeat(1_100_000) });
    expectProblem(res, 413);
  });

  it('asks for a JSON body when none is sent', async () => {
    expectProblem(await h.api.post('/api/communities'), 400, { pointer: '' });
  });
});

describe('officers, leaders, departments', () => {
  it('opens a community posting from today when an officer is created with a community', async () => {
    const res = await h.api.post('/api/officers', { id: 'o01', name: '民警01', communityId: 'c01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'o01', name: '民警01' });
    const postings = (await h.api.get('/api/officers/o01/postings')).body;
    expect(postings).toEqual([expect.objectContaining({ officerId: 'o01', communityId: 'c01', kind: 'community', startsOn: today, endsOn: null })]);
    const audit = (await h.api.get('/api/audit?entity=Posting')).body;
    expect(audit).toEqual([expect.objectContaining({ actor, action: 'create', entityId: String(postings[0].id) })]);
  });

  it('creates an officer without a posting when no community is given', async () => {
    expect((await h.api.post('/api/officers', { id: 'o02', name: '民警02' })).status).toBe(201);
    expect((await h.api.get('/api/officers/o02/postings')).body).toEqual([]);
  });

  it('rejects an officer for an unknown community with 422 and creates neither officer nor posting', async () => {
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/officers', { id: 'o03', name: '民警03', communityId: 'c99' }), 422, { pointer: '/communityId' });
    expect(await counts(t.db)).toEqual(before);
    expectProblem(await h.api.get('/api/officers/o03'), 404);
  });

  it('answers 404 for the postings of an unknown officer', async () => {
    expectProblem(await h.api.get('/api/officers/o99/postings'), 404);
  });

  it('keeps an email address for officers, leaders and departments, cleared with null, checked on every write', async () => {
    expect((await h.api.post('/api/officers', { id: 'o04', name: '民警04', email: 'o04@police.example' })).body).toMatchObject({ email: 'o04@police.example' });
    expect((await h.api.post('/api/leaders', { id: 'L04', name: '局领导04', email: 'l04@police.example' })).status).toBe(201);
    expect((await h.api.patch('/api/officers/o04', { email: null })).body).toMatchObject({ email: null });
    expect((await h.api.patch('/api/leaders/L04', { email: 'leader@police.example' })).body.email).toBe('leader@police.example');
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/departments', { id: 'D04', name: '户政股', email: 'not an address' }), 422, { pointer: '/email' });
    expectProblem(await h.api.patch('/api/leaders/L04', { email: 'leader@' }), 422, { pointer: '/email' });
    expect(await counts(t.db)).toEqual(before);
    expect((await h.api.get('/api/leaders/L04')).body.email).toBe('leader@police.example');
  });

  it('creates and renames leaders and departments', async () => {
    expect((await h.api.post('/api/leaders', { id: 'L01', name: '局领导01' })).status).toBe(201);
    expect((await h.api.patch('/api/leaders/L01', { name: '局领导甲' })).body.name).toBe('局领导甲');
    expect((await h.api.post('/api/departments', { id: 'D01', name: '政工室' })).status).toBe(201);
    expect((await h.api.get('/api/departments')).body).toEqual([expect.objectContaining({ id: 'D01', name: '政工室' })]);
    expect((await h.api.get('/api/audit?entity=Leader&entityId=L01')).body.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
  });
});

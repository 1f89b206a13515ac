import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { testCounty } from '../support/users.js';
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
    // Outside /api a page address is the console's; a missing file, or a caller not asking for a page, gets the problem.
    expectProblem(await request(h.app).get('/elsewhere.js'), 404);
    expectProblem(await request(h.app).get('/elsewhere').set('accept', 'application/json'), 404);
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

describe('stations', () => {
  it('creates, lists, reads and renames stations of the county, audited', async () => {
    const created = await h.api.post('/api/stations', { id: 'S01', name: '城关派出所' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('/api/stations/S01');
    expect(created.body).toMatchObject({ id: 'S01', countyId: testCounty, name: '城关派出所' });
    expect((await h.api.patch('/api/stations/S01', { name: '城关所' })).body.name).toBe('城关所');
    expect((await h.api.get('/api/stations')).body.map((s: { id: string }) => s.id)).toEqual(['S01']);
    expect((await h.api.get('/api/audit?entity=Station&entityId=S01')).body.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
    // Every role of the county reads them; only bureau staff write them.
    const officer = await h.as({ role: 'officer', subjectId: 'o01' });
    expect((await officer.get('/api/stations/S01')).status).toBe(200);
    expectProblem(await officer.post('/api/stations', { id: 'S09', name: 'x' }), 403);
  });

  it('gives an officer a station of the county on create and patch; an unknown one is refused with 422', async () => {
    expect((await h.api.post('/api/officers', { id: 'o10', name: '民警10', stationId: 'S01' })).body).toMatchObject({ stationId: 'S01' });
    expect((await h.api.post('/api/officers', { id: 'o11', name: '民警11' })).body).toMatchObject({ stationId: null });
    expect((await h.api.patch('/api/officers/o11', { stationId: 'S01' })).body.stationId).toBe('S01');
    expect((await h.api.patch('/api/officers/o11', { stationId: null })).body.stationId).toBeNull();
    const before = await counts(t.db);
    expectProblem(await h.api.post('/api/officers', { id: 'o12', name: '民警12', stationId: 'S99' }), 422, { pointer: '/stationId' });
    expectProblem(await h.api.patch('/api/officers/o11', { stationId: 'S99' }), 422, { pointer: '/stationId' });
    expect(await counts(t.db)).toEqual(before);
  });

  it('lets a station read its own officers and their postings, and no one else', async () => {
    await h.api.post('/api/stations', { id: 'S02', name: '河西派出所' });
    await h.api.post('/api/officers', { id: 'o13', name: '民警13', stationId: 'S02', communityId: 'c01' });
    const station = await h.as({ role: 'station', subjectId: 'S01' });
    expect((await station.get('/api/officers')).body.map((o: { id: string }) => o.id)).toEqual(['o10']);
    expect((await station.get('/api/officers/o10')).status).toBe(200);
    expect((await station.get('/api/officers/o10/postings')).status).toBe(200);
    expectProblem(await station.get('/api/officers/o13'), 404);
    expectProblem(await station.get('/api/officers/o13/postings'), 404);
    expectProblem(await station.patch('/api/officers/o10', { email: 'x@police.example' }), 403);
  });
});

describe('own records', () => {
  it('lets an officer read their own record and change their own email, and nothing else', async () => {
    const officer = await h.as({ role: 'officer', subjectId: 'o10' });
    expect((await officer.get('/api/officers/o10')).body).toMatchObject({ id: 'o10' });
    const changed = await officer.patch('/api/officers/o10', { email: 'o10@police.example' });
    expect(changed.status).toBe(200);
    expect(changed.body.email).toBe('o10@police.example');
    const before = await counts(t.db);
    expectProblem(await officer.patch('/api/officers/o10', { name: '改名' }), 403, { pointer: '/name' });
    expectProblem(await officer.patch('/api/officers/o10', { email: 'a@police.example', stationId: 'S02' }), 403, { pointer: '/stationId' });
    // Another officer's record answers as a missing one does.
    expectProblem(await officer.get('/api/officers/o11'), 404);
    expectProblem(await officer.patch('/api/officers/o11', { email: 'o11@police.example' }), 404);
    expectProblem(await officer.get('/api/officers/o11/postings'), 404);
    expectProblem(await officer.get('/api/officers'), 403);
    expect(await counts(t.db)).toEqual(before);
    expect((await h.api.get('/api/officers/o11')).body.email).toBeNull();
  });

  it('lets a leader and a department change their own email only; another one is 404', async () => {
    await h.api.post('/api/leaders', { id: 'L10', name: '局领导10' });
    await h.api.post('/api/departments', { id: 'D10', name: '治安大队' });
    const leader = await h.as({ role: 'leader', subjectId: 'L10' });
    expect((await leader.patch('/api/leaders/L10', { email: 'l10@police.example' })).body.email).toBe('l10@police.example');
    expectProblem(await leader.patch('/api/leaders/L10', { name: '改名' }), 403, { pointer: '/name' });
    expectProblem(await leader.patch('/api/leaders/L01', { email: 'x@police.example' }), 404);
    expectProblem(await leader.get('/api/leaders/L01'), 404);
    expectProblem(await leader.get('/api/leaders'), 403);
    const department = await h.as({ role: 'department', subjectId: 'D10' });
    expect((await department.get('/api/departments/D10')).status).toBe(200);
    expect((await department.patch('/api/departments/D10', { email: 'd10@police.example' })).status).toBe(200);
    expectProblem(await department.patch('/api/departments/D01', { email: 'x@police.example' }), 404);
    expectProblem(await department.patch('/api/departments/D10', { name: '改名' }), 403, { pointer: '/name' });
    expectProblem(await department.post('/api/departments', { id: 'D11', name: 'x' }), 403);
  });

  it('names the user, role, county and credential in the audit row of a write', async () => {
    const officer = await h.as({ role: 'officer', subjectId: 'o13' });
    expect((await officer.patch('/api/officers/o13', { email: 'o13@police.example' })).status).toBe(200);
    const token = await t.db.accessToken.findFirstOrThrow({ where: { userId: 'officer:o13' } });
    const rows = (await h.api.get('/api/audit?entity=Officer&entityId=o13&action=update')).body;
    expect(rows).toEqual([
      expect.objectContaining({ actor: 'officer:o13', role: 'officer', countyId: testCounty, authMethod: 'token', credentialId: token.id }),
    ]);
    const created = (await h.api.get('/api/audit?entity=Officer&entityId=o13&action=create')).body;
    expect(created).toEqual([expect.objectContaining({ actor, role: 'bureau-staff', countyId: testCounty, authMethod: 'bootstrap', credentialId: actor })]);
  });
});

describe('another county', () => {
  const other = 'other-county';

  it('keeps each county to its own registry: another county answers 404, and its objects cannot be referenced', async () => {
    const staff = await h.as({ role: 'bureau-staff', countyId: other });
    expect((await staff.post('/api/communities', { id: 'x01', name: '外县社区', population: 3000, complexity: 2 })).body.countyId).toBe(other);
    expect((await staff.post('/api/stations', { id: 'XS1', name: '外县派出所' })).status).toBe(201);
    expect((await staff.post('/api/officers', { id: 'xo1', name: '外县民警' })).status).toBe(201);
    expect((await staff.get('/api/communities')).body.map((c: { id: string }) => c.id)).toEqual(['x01']);

    expect((await h.api.get('/api/communities')).body.map((c: { id: string }) => c.id)).not.toContain('x01');
    expectProblem(await h.api.get('/api/communities/x01'), 404);
    expectProblem(await h.api.patch('/api/communities/x01', { population: 1 }), 404);
    expectProblem(await h.api.get('/api/officers/xo1'), 404);
    expectProblem(await h.api.get('/api/officers/xo1/postings'), 404);
    expectProblem(await h.api.get('/api/stations/XS1'), 404);
    expectProblem(await staff.get('/api/communities/c01'), 404);

    const before = await counts(t.db);
    // Ids are unique across counties: one taken in another county is taken.
    expectProblem(await h.api.post('/api/communities', { id: 'x01', name: '重名', population: 1, complexity: 1 }), 409, { pointer: '/id' });
    expectProblem(await h.api.post('/api/officers', { id: 'o20', name: '民警20', communityId: 'x01' }), 422, { pointer: '/communityId' });
    expectProblem(await h.api.post('/api/officers', { id: 'o20', name: '民警20', stationId: 'XS1' }), 422, { pointer: '/stationId' });
    expect(await counts(t.db)).toEqual(before);
    expect((await staff.get('/api/communities/x01')).body.population).toBe(3000);
  });

  it('lets a province reader read every county and write nothing; the audit shows each county only its own rows', async () => {
    const reader = await h.as({ role: 'province-reader', countyId: null });
    expect((await reader.get('/api/communities')).body.map((c: { id: string }) => c.id)).toEqual(['c01', 'x01']);
    expect((await reader.get('/api/communities/x01')).status).toBe(200);
    expectProblem(await reader.post('/api/communities', { id: 'p01', name: 'x', population: 1, complexity: 1 }), 403);
    const audited = (await reader.get('/api/audit?entity=Community&action=create')).body.map((e: { entityId: string; countyId: string }) => [
      e.entityId,
      e.countyId,
    ]);
    expect(audited).toEqual([
      ['c01', testCounty],
      ['x01', other],
    ]);
    expect((await h.api.get('/api/audit?entity=Community&action=create')).body.map((e: { entityId: string }) => e.entityId)).toEqual(['c01']);
  });
});

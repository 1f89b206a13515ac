// Leaders' visits over HTTP: logged by the leader himself against his bound community only,
// answered once by an officer of that community, read by the leader, the community's officers
// and the county's readers; another county's visits answer 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let l01: Client, l02: Client, o01: Client, o02: Client, o03: Client;
let foreignVisit: number;

beforeAll(async () => {
  db = (await freshSqlite('api-visits')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  h.signals.running.add('presence/L01/2026-03');
  [l01, l02, o01, o02, o03] = await Promise.all([
    h.as({ role: 'leader', subjectId: 'L01' }),
    h.as({ role: 'leader', subjectId: 'L02' }),
    h.as({ role: 'officer', subjectId: 'o01' }),
    h.as({ role: 'officer', subjectId: 'o02' }),
    h.as({ role: 'officer', subjectId: 'o03' }),
  ]);
  const other = await seedOtherCounty(db);
  foreignVisit = (
    await db.visit.create({
      data: { countyId: other.id, leaderId: other.leaderId, communityId: other.communityId, date: '2026-03-02', note: '', loggedBy: 'leader:XL1' },
    })
  ).id;
});

afterAll(async () => db?.$disconnect());

const visit = { communityId: 'c01', date: '2026-03-02', note: '走访重点人口' };

describe('POST /api/visits', () => {
  it("logs the leader's own day in the bound community, audits it as the leader and tells the month's presence workflow", async () => {
    const res = await l01.post('/api/visits', visit);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...visit, leaderId: 'L01', countyId: testCounty, status: 'pending', loggedBy: 'leader:L01' });
    expect(res.headers.location).toBe(`/api/visits/${res.body.id}`);
    expect(h.signals.sent).toEqual([{ workflowId: 'presence/L01/2026-03', signalName: 'visitChanged', arg: { visitId: res.body.id } }]);
    const audit = await db.auditEntry.findMany({ where: { entity: 'Visit', entityId: String(res.body.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor: 'leader:L01', role: 'leader', countyId: testCounty, authMethod: 'token' });
    expect(audit[0]!.credentialId).toMatch(/^tok_/);
  });

  it("starts the month's presence workflow with the visit when the launcher has not started it; naming oneself is allowed", async () => {
    const res = await l01.post('/api/visits', { ...visit, leaderId: 'L01', date: '2026-02-10' }).expect(201);
    expect(h.signals.started).toEqual([
      { workflowType: 'presenceMonth', workflowId: 'presence/L01/2026-02', args: [{ leaderId: 'L01', communityId: 'c01', month: '2026-02' }] },
    ]);
    expect(h.signals.sent.at(-1)).toEqual({ workflowId: 'presence/L01/2026-02', signalName: 'visitChanged', arg: { visitId: res.body.id } });
  });

  it('refuses a visit logged for another leader (403 naming /leaderId) and anyone but a leader, writing nothing', async () => {
    const before = await db.visit.count();
    const forL02 = await l01.post('/api/visits', { ...visit, leaderId: 'L02', communityId: 'c02' });
    expectProblem(forL02, 403, { pointer: '/leaderId' });
    expect(forL02.body.detail).toContain('you are leader L01');
    expectProblem(await h.api.post('/api/visits', { ...visit, leaderId: 'L01' }), 403);
    expectProblem(await o01.post('/api/visits', visit), 403);
    expect(await db.visit.count()).toBe(before);
  });

  it('rejects a community the leader is not bound to, a future date and a bad body, writing nothing', async () => {
    const before = await db.visit.count();
    const wrong = await l01.post('/api/visits', { ...visit, communityId: 'c02' });
    expectProblem(wrong, 422, { pointer: '/communityId' });
    expect(wrong.body.detail).toContain('leader L01 was bound to c01 on 2026-03-02, not to c02');
    expectProblem(await l01.post('/api/visits', { ...visit, communityId: 'x01' }), 422, { pointer: '/communityId' });
    const future = await l01.post('/api/visits', { ...visit, date: '2026-03-16' });
    expectProblem(future, 422, { pointer: '/date' });
    expect(future.body.detail).toContain('in the future');
    expectProblem(await l01.post('/api/visits', { ...visit, date: '2026-02-30' }), 422, { pointer: '/date' });
    expectProblem(await l01.post('/api/visits', { ...visit, extra: 1 }), 422);
    // A leader user whose leader is not in the registry of the county.
    const ghost = await h.as({ role: 'leader', subjectId: 'L99' });
    expectProblem(await ghost.post('/api/visits', visit), 422, { pointer: '/leaderId' });
    expect(await db.visit.count()).toBe(before);
  });

  it("takes the bureau's today, not UTC's: at 04:00 in Shanghai the day that began there may be logged", async () => {
    // 2026-03-15T20:00Z is 2026-03-16 04:00 in Asia/Shanghai.
    const early = await harness(db, { now: '2026-03-15T20:00:00Z' });
    const leader = await early.as({ role: 'leader', subjectId: 'L01' });
    expect((await leader.post('/api/visits', { ...visit, date: '2026-03-16' })).status).toBe(201);
    expectProblem(await leader.post('/api/visits', { ...visit, date: '2026-03-17' }), 422, { pointer: '/date' });
  });
});

describe('POST /api/visits/{id}/confirmation', () => {
  it("takes one answer from the community's officer, as that officer: the same again is a no-op, a different one a conflict", async () => {
    const { body: v } = await l01.post('/api/visits', { ...visit, date: '2026-03-03' });
    const sent = h.signals.sent.length;
    const ok = await o01.post(`/api/visits/${v.id}/confirmation`, { verdict: 'confirmed' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', answeredBy: 'o01' });
    expect(h.signals.sent).toHaveLength(sent + 1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: 'Visit', entityId: String(v.id), action: 'confirm' } });
    expect(audit).toMatchObject({ actor: 'officer:o01', role: 'officer', countyId: testCounty, authMethod: 'token' });

    const again = await o01.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'confirmed' });
    expect(again.status).toBe(200);
    expect(h.signals.sent).toHaveLength(sent + 1);
    expectProblem(await o02.post(`/api/visits/${v.id}/confirmation`, { verdict: 'disputed' }), 409, { pointer: '/verdict' });
  });

  it("refuses an officer of another community (404), another officer's name (403), another county's visit (404), a bad verdict and an unknown visit", async () => {
    const { body: v } = await l01.post('/api/visits', { ...visit, date: '2026-03-04' });
    const audits = await db.auditEntry.count();
    expectProblem(await o03.post(`/api/visits/${v.id}/confirmation`, { verdict: 'confirmed' }), 404);
    expectProblem(await o03.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'confirmed' }), 403, { pointer: '/officerId' });
    expectProblem(await o01.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o02', verdict: 'confirmed' }), 403, { pointer: '/officerId' });
    expectProblem(await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'confirmed' }), 403);
    expectProblem(await l01.post(`/api/visits/${v.id}/confirmation`, { verdict: 'confirmed' }), 403);
    expectProblem(await o01.post(`/api/visits/${v.id}/confirmation`, { verdict: 'maybe' }), 422, { pointer: '/verdict' });
    expectProblem(await o01.post('/api/visits/99999/confirmation', { verdict: 'confirmed' }), 404);
    const foreignOfficer = await h.as({ role: 'officer', subjectId: 'xo1', countyId: 'other-county' });
    expectProblem(await foreignOfficer.post(`/api/visits/${v.id}/confirmation`, { verdict: 'confirmed' }), 404);
    expectProblem(await o01.post(`/api/visits/${foreignVisit}/confirmation`, { verdict: 'confirmed' }), 404);
    expect((await db.visit.findUniqueOrThrow({ where: { id: v.id } })).status).toBe('pending');
    expect(await db.auditEntry.count()).toBe(audits);
  });
});

describe('GET /api/visits', () => {
  it("shows a leader their own visits, an officer the visits to their community, readers the county's", async () => {
    const { body: v } = await l01.post('/api/visits', { ...visit, date: '2026-03-05' });
    const ids = (res: { body: { id: number }[] }) => res.body.map((r) => r.id);
    const l01s = ids(await l01.get('/api/visits').expect(200));
    expect(l01s).toContain(v.id);
    expect((await l01.get('/api/visits').expect(200)).body.every((r: { leaderId: string }) => r.leaderId === 'L01')).toBe(true);
    // Another leader's visits are not in their list, even asked for by name.
    expect((await l02.get('/api/visits?leaderId=L01').expect(200)).body).toEqual([]);
    expect(ids(await o01.get('/api/visits').expect(200))).toEqual(l01s);
    expect((await o03.get('/api/visits').expect(200)).body).toEqual([]);
    const county = ids(await h.api.get('/api/visits').expect(200));
    expect(county).toEqual(l01s);
    expect(county).not.toContain(foreignVisit);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect(ids(await province.get('/api/visits').expect(200))).toEqual(expect.arrayContaining([...l01s, foreignVisit]));
    expectProblem(await (await h.as({ role: 'department', subjectId: 'D01' })).get('/api/visits'), 403);
  });

  it("reads one visit by id within reach; another leader's, another community's and another county's answer 404", async () => {
    const { body: v } = await l01.post('/api/visits', { ...visit, date: '2026-03-06' });
    expect((await l01.get(`/api/visits/${v.id}`).expect(200)).body).toMatchObject({ id: v.id, leaderId: 'L01' });
    expect((await o02.get(`/api/visits/${v.id}`).expect(200)).body.id).toBe(v.id);
    expect((await h.api.get(`/api/visits/${v.id}`).expect(200)).body.id).toBe(v.id);
    expectProblem(await l02.get(`/api/visits/${v.id}`), 404);
    expectProblem(await o03.get(`/api/visits/${v.id}`), 404);
    expectProblem(await h.api.get(`/api/visits/${foreignVisit}`), 404);
    expectProblem(await l01.get('/api/visits/99999'), 404);
  });
});

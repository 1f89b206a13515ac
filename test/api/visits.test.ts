// Leaders' visits over HTTP: logged against the bound community only, answered once by its officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  db = (await freshSqlite('api-visits')).db;
  await seedDemoCounty(db, { today: '2026-01-01' });
  h = await harness(db);
  h.signals.running.add('presence/L01/2026-03');
});

afterAll(async () => db?.$disconnect());

const visit = { leaderId: 'L01', communityId: 'c01', date: '2026-03-02', note: '走访重点人口' };

describe('POST /api/visits', () => {
  it("logs a day in the bound community, audits it and tells the month's presence workflow", async () => {
    const res = await h.api.post('/api/visits', visit);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...visit, status: 'pending', loggedBy: 'tester' });
    expect(res.headers.location).toBe(`/api/visits/${res.body.id}`);
    expect(h.signals.sent).toEqual([{ workflowId: 'presence/L01/2026-03', signalName: 'visitChanged', arg: { visitId: res.body.id } }]);
    expect(await db.auditEntry.count({ where: { entity: 'Visit', entityId: String(res.body.id) } })).toBe(1);
  });

  it("starts the month's presence workflow with the visit when the launcher has not started it", async () => {
    const res = await h.api.post('/api/visits', { ...visit, date: '2026-02-10' }).expect(201);
    expect(h.signals.started).toEqual([
      { workflowType: 'presenceMonth', workflowId: 'presence/L01/2026-02', args: [{ leaderId: 'L01', communityId: 'c01', month: '2026-02' }] },
    ]);
    expect(h.signals.sent.at(-1)).toEqual({ workflowId: 'presence/L01/2026-02', signalName: 'visitChanged', arg: { visitId: res.body.id } });
  });

  it('rejects a community the leader is not bound to, a future date and an unknown leader, writing nothing', async () => {
    const before = await db.visit.count();
    const wrong = await h.api.post('/api/visits', { ...visit, communityId: 'c02' });
    expectProblem(wrong, 422, { pointer: '/communityId' });
    expect(wrong.body.detail).toContain('leader L01 was bound to c01 on 2026-03-02, not to c02');
    const future = await h.api.post('/api/visits', { ...visit, date: '2026-03-16' });
    expectProblem(future, 422, { pointer: '/date' });
    expect(future.body.detail).toContain('in the future');
    expectProblem(await h.api.post('/api/visits', { ...visit, leaderId: 'L99' }), 422, { pointer: '/leaderId' });
    expectProblem(await h.api.post('/api/visits', { ...visit, date: '2026-02-30' }), 422, { pointer: '/date' });
    expectProblem(await h.api.post('/api/visits', { ...visit, extra: 1 }), 422);
    expect(await db.visit.count()).toBe(before);
  });
});

describe('POST /api/visits/{id}/confirmation', () => {
  it("takes one answer from the community's officer: the same again is a no-op, a different one a conflict", async () => {
    const { body: v } = await h.api.post('/api/visits', { ...visit, date: '2026-03-03' });
    const sent = h.signals.sent.length;
    const ok = await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'confirmed' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', answeredBy: 'o01' });
    expect(h.signals.sent).toHaveLength(sent + 1);

    const again = await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'confirmed' });
    expect(again.status).toBe(200);
    expect(h.signals.sent).toHaveLength(sent + 1);
    expectProblem(await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o02', verdict: 'disputed' }), 409, { pointer: '/verdict' });
  });

  it('refuses an officer of another community, a bad verdict and an unknown visit', async () => {
    const { body: v } = await h.api.post('/api/visits', { ...visit, date: '2026-03-04' });
    expectProblem(await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o03', verdict: 'confirmed' }), 422, { pointer: '/officerId' });
    expectProblem(await h.api.post(`/api/visits/${v.id}/confirmation`, { officerId: 'o01', verdict: 'maybe' }), 422, { pointer: '/verdict' });
    expectProblem(await h.api.post('/api/visits/99999/confirmation', { officerId: 'o01', verdict: 'confirmed' }), 404);
    expect((await db.visit.findUniqueOrThrow({ where: { id: v.id } })).status).toBe('pending');
  });
});

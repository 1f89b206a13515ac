// Incidents for the weekly bulletins: submitted by community offices, marked solved once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { actor, expectProblem, harness } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  db = (await freshSqlite('api-incidents')).db;
  await seedDemoCounty(db, { today: '2026-01-01' });
  h = await harness(db);
});

afterAll(async () => db?.$disconnect());

const incident = { communityId: 'c01', occurredOn: '2026-03-10', category: '盗窃', summary: '电动车被盗', submittedBy: 'o01' };
const writes = async () => Promise.all([db.incident.count(), db.incident.count({ where: { solved: true } }), db.auditEntry.count()]);

describe('incidents', () => {
  it('records an incident, marks it solved once, and audits both', async () => {
    const created = await h.api.post('/api/incidents', incident);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...incident, solved: false, solvedOn: null, actor });
    const { id } = created.body as { id: number };
    const solved = await h.api.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' });
    expect(solved.status).toBe(200);
    expect(solved.body).toMatchObject({ id, solved: true, solvedOn: '2026-03-12' });
    // The same answer again changes nothing; a different one conflicts.
    expect((await h.api.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' })).status).toBe(200);
    expectProblem(await h.api.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-13' }), 409, { pointer: '/solvedOn' });
    const audit = await db.auditEntry.findMany({ where: { entity: 'Incident', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['create', actor],
      ['solve', actor],
    ]);
    const byActor = await h.api.post('/api/incidents', { ...incident, submittedBy: undefined });
    expect(byActor.body).toMatchObject({ submittedBy: actor });
  });

  it('rejects bad input with the field at fault, writing nothing', async () => {
    const {
      body: { id },
    } = await h.api.post('/api/incidents', incident);
    const before = await writes();
    expectProblem(await h.api.post('/api/incidents', { ...incident, communityId: 'c99' }), 422, { pointer: '/communityId' });
    expectProblem(await h.api.post('/api/incidents', { ...incident, occurredOn: '2026-03-16' }), 422, { pointer: '/occurredOn' });
    expectProblem(await h.api.post('/api/incidents', { ...incident, occurredOn: '2026-02-30' }), 422, { pointer: '/occurredOn' });
    expectProblem(await h.api.post('/api/incidents', { ...incident, category: ' ' }), 422, { pointer: '/category' });
    expectProblem(await h.api.post('/api/incidents', { ...incident, extra: 1 }), 422);
    expectProblem(await h.api.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-09' }), 422, { pointer: '/solvedOn' });
    expectProblem(await h.api.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-16' }), 422, { pointer: '/solvedOn' });
    expectProblem(await h.api.patch(`/api/incidents/${id}`, { solved: false, solvedOn: '2026-03-12' }), 422, { pointer: '/solved' });
    expectProblem(await h.api.patch('/api/incidents/9999', { solved: true, solvedOn: '2026-03-12' }), 404);
    expectProblem(await h.api.patch('/api/incidents/abc', { solved: true, solvedOn: '2026-03-12' }), 404);
    expect(await writes()).toEqual(before);
  });
});

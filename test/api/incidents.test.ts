// Incidents for the weekly bulletins: reported by a community officer for their own community,
// or by bureau staff for any community of their county, marked solved once by its officers or
// the staff, read by everyone of the county.
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
let o01: Client, o02: Client, o03: Client;
let foreignIncident: number;

beforeAll(async () => {
  db = (await freshSqlite('api-incidents')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  h = await harness(db);
  [o01, o02, o03] = await Promise.all(['o01', 'o02', 'o03'].map((subjectId) => h.as({ role: 'officer', subjectId })));
  await seedOtherCounty(db);
  foreignIncident = (
    await db.incident.create({
      data: {
        countyId: 'other-county',
        communityId: 'x01',
        occurredOn: '2026-03-01',
        category: '盗窃',
        summary: '外县',
        submittedBy: 'xo1',
        actor: 'officer:xo1',
      },
    })
  ).id;
});

afterAll(async () => db?.$disconnect());

const incident = { communityId: 'c01', occurredOn: '2026-03-10', category: '盗窃', summary: '电动车被盗' };
const writes = async () => Promise.all([db.incident.count(), db.incident.count({ where: { solved: true } }), db.auditEntry.count()]);

describe('incidents', () => {
  it("records the officer's own community's incident, marks it solved once, and audits both as the officers", async () => {
    const created = await o01.post('/api/incidents', { ...incident, submittedBy: 'o01' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...incident, countyId: testCounty, solved: false, solvedOn: null, submittedBy: 'o01', actor: 'officer:o01' });
    const { id } = created.body as { id: number };
    const solved = await o02.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' });
    expect(solved.status).toBe(200);
    expect(solved.body).toMatchObject({ id, solved: true, solvedOn: '2026-03-12' });
    // The same answer again changes nothing; a different one conflicts.
    expect((await o01.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' })).status).toBe(200);
    expectProblem(await o01.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-13' }), 409, { pointer: '/solvedOn' });
    const audit = await db.auditEntry.findMany({ where: { entity: 'Incident', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor, a.role, a.countyId, a.authMethod])).toEqual([
      ['create', 'officer:o01', 'officer', testCounty, 'token'],
      ['solve', 'officer:o02', 'officer', testCounty, 'token'],
    ]);
    const byCaller = await o01.post('/api/incidents', incident);
    expect(byCaller.body).toMatchObject({ submittedBy: 'o01' });
  });

  it("refuses another community's incident, another officer's name, another county's incident and other roles, writing nothing", async () => {
    const {
      body: { id },
    } = await o01.post('/api/incidents', incident);
    const before = await writes();
    const elsewhere = await o03.post('/api/incidents', incident);
    expectProblem(elsewhere, 422, { pointer: '/communityId' });
    expect(elsewhere.body.detail).toContain('officer o03 is not an officer of c01');
    expectProblem(await o01.post('/api/incidents', { ...incident, submittedBy: 'o02' }), 403, { pointer: '/submittedBy' });
    expectProblem(await o01.post('/api/incidents', { ...incident, communityId: 'x01' }), 422, { pointer: '/communityId' });
    expectProblem(await o03.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' }), 404);
    expectProblem(await o01.patch(`/api/incidents/${foreignIncident}`, { solved: true, solvedOn: '2026-03-12' }), 404);
    const leader = await h.as({ role: 'leader', subjectId: 'L01' });
    expectProblem(await leader.post('/api/incidents', incident), 403);
    expectProblem(await leader.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' }), 403);
    const staff = await h.as({ role: 'bureau-staff' });
    expectProblem(await staff.post('/api/incidents', { ...incident, submittedBy: 'o01' }), 403, { pointer: '/submittedBy' });
    expectProblem(await staff.post('/api/incidents', { ...incident, communityId: 'x01' }), 422, { pointer: '/communityId' });
    expectProblem(await staff.patch(`/api/incidents/${foreignIncident}`, { solved: true, solvedOn: '2026-03-12' }), 404);
    const otherStaff = await h.as({ role: 'bureau-staff', countyId: 'other-county' });
    expectProblem(await otherStaff.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' }), 404);
    expect(await writes()).toEqual(before);
  });

  it("lets bureau staff report and solve any community's incidents of their county, in their own name", async () => {
    const staff = await h.as({ role: 'bureau-staff' });
    const created = await staff.post('/api/incidents', { ...incident, communityId: 'c05', submittedBy: 'bureau-staff:test-county' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      communityId: 'c05',
      countyId: testCounty,
      submittedBy: 'bureau-staff:test-county',
      actor: 'bureau-staff:test-county',
    });
    const { id } = created.body as { id: number };
    // The officers of c05 solve it too; o01 serves c01, so it is out of his reach.
    expectProblem(await o01.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' }), 404);
    expect((await staff.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-12' }).expect(200)).body).toMatchObject({ solved: true });
    const audit = await db.auditEntry.findMany({ where: { entity: 'Incident', entityId: String(id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor, a.role, a.countyId, a.authMethod])).toEqual([
      ['create', 'bureau-staff:test-county', 'bureau-staff', testCounty, 'token'],
      ['solve', 'bureau-staff:test-county', 'bureau-staff', testCounty, 'token'],
    ]);
  });

  it('rejects bad input with the field at fault, writing nothing', async () => {
    const {
      body: { id },
    } = await o01.post('/api/incidents', incident);
    const before = await writes();
    expectProblem(await o01.post('/api/incidents', { ...incident, communityId: 'c99' }), 422, { pointer: '/communityId' });
    expectProblem(await o01.post('/api/incidents', { ...incident, occurredOn: '2026-03-16' }), 422, { pointer: '/occurredOn' });
    expectProblem(await o01.post('/api/incidents', { ...incident, occurredOn: '2026-02-30' }), 422, { pointer: '/occurredOn' });
    expectProblem(await o01.post('/api/incidents', { ...incident, category: ' ' }), 422, { pointer: '/category' });
    expectProblem(await o01.post('/api/incidents', { ...incident, extra: 1 }), 422);
    expectProblem(await o01.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-09' }), 422, { pointer: '/solvedOn' });
    expectProblem(await o01.patch(`/api/incidents/${id}`, { solved: true, solvedOn: '2026-03-16' }), 422, { pointer: '/solvedOn' });
    expectProblem(await o01.patch(`/api/incidents/${id}`, { solved: false, solvedOn: '2026-03-12' }), 422, { pointer: '/solved' });
    expectProblem(await o01.patch('/api/incidents/9999', { solved: true, solvedOn: '2026-03-12' }), 404);
    expectProblem(await o01.patch('/api/incidents/abc', { solved: true, solvedOn: '2026-03-12' }), 404);
    expect(await writes()).toEqual(before);
  });

  it("is read by everyone of the county, never another county's", async () => {
    const {
      body: { id },
    } = await o01.post('/api/incidents', incident);
    const readers = [
      h.api,
      o03,
      await h.as({ role: 'leader', subjectId: 'L05' }),
      await h.as({ role: 'finance' }),
      await h.as({ role: 'station', subjectId: 's1' }),
    ];
    for (const reader of readers) {
      const list = (await reader.get('/api/incidents').expect(200)).body.map((i: { id: number }) => i.id);
      expect(list).toContain(id);
      expect(list).not.toContain(foreignIncident);
      expect((await reader.get(`/api/incidents/${id}`).expect(200)).body.id).toBe(id);
      expectProblem(await reader.get(`/api/incidents/${foreignIncident}`), 404);
    }
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get(`/api/incidents/${foreignIncident}`).expect(200)).body.countyId).toBe('other-county');
  });
});

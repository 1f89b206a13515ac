// The register's key record flows again on PostgreSQL: its unique keys, JSON audit columns and
// transactions behave differently enough from SQLite to be worth the second run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshPostgres, type TestDb } from '../support/db.js';
import { freshIdNumber } from '../support/register.js';
import { testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshPostgres('api-register-records');
  await seedDemoCounty(t.db, { today: '2026-01-05', county: testCountyRecord });
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('the register’s records on PostgreSQL', () => {
  it('adds, reveals, moves and ends a person, keeping the history, and refuses what it must', async () => {
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    const c01 = '/api/register/communities/c01';
    const k1 = (await o01.post(`${c01}/cards`, { number: 'P-1', building: '1', door: '101' }).expect(201)).body as { id: string };
    const k2 = (await o01.post(`${c01}/cards`, { number: 'P-2', building: '1', door: '102' }).expect(201)).body as { id: string };
    expectProblem(await o01.post(`${c01}/cards`, { number: 'P-2', building: '2', door: '201' }), 409, { pointer: '/number' });
    const idNumber = freshIdNumber();
    const p = (await o01.post(`/api/register/cards/${k1.id}/persons`, { name: '张三', idNumber, class: 'temporary', fromDate: '2026-01-10' }).expect(201))
      .body as { id: string; idNumber: string };
    expect(p.idNumber).toBe(`**************${idNumber.slice(-4)}`);
    expect((await t.db.registerPerson.findUniqueOrThrow({ where: { id: p.id } })).idNumberCipher).not.toContain(idNumber.slice(0, 14));
    expectProblem(await o01.post(`/api/register/cards/${k2.id}/persons`, { name: '张三', idNumber, class: 'temporary', fromDate: '2026-02-01' }), 409, {
      pointer: '/idNumber',
    });
    expect((await o01.get(`/api/register/persons/${p.id}?reveal=idNumber`).expect(200)).body.idNumber).toBe(idNumber);
    await o01.post(`/api/register/persons/${p.id}/residence-changes`, { date: '2026-02-01', reason: 'moved', cardId: k2.id }).expect(200);
    expectProblem(await o01.post(`/api/register/persons/${p.id}/residence-changes`, { date: '2026-03-01', reason: 'reclassified', class: 'temporary' }), 422, {
      pointer: '/class',
    });
    await o01.post(`/api/register/persons/${p.id}/residence-changes`, { date: '2026-03-01', reason: 'left' }).expect(200);
    const record = (await o01.get(`/api/register/persons/${p.id}`).expect(200)).body;
    expect(record.residence).toBeNull();
    expect(record.history.map((r: Record<string, unknown>) => [r.cardId, r.fromDate, r.untilDate, r.endReason])).toEqual([
      [k1.id, '2026-01-10', '2026-02-01', 'moved'],
      [k2.id, '2026-02-01', '2026-03-01', 'left'],
    ]);
    const audit = await t.db.auditEntry.findMany({ where: { entity: 'RegisterPerson', entityId: p.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'reveal', 'read']);
    expect(JSON.stringify(await t.db.auditEntry.findMany())).not.toContain(idNumber.slice(0, 14));
    const brigade = await h.as({ role: 'department', subjectId: 'renkou' });
    await brigade.get(`/api/register/persons/${p.id}`).expect(200);
    expectProblem(await brigade.patch(`/api/register/persons/${p.id}`, { phone: '13900000000' }), 403);
    expectProblem(await (await h.as({ role: 'officer', subjectId: 'o03' })).get(`/api/register/persons/${p.id}`), 404);

    // The person who left is added on two cards at once: one request wins, the other is a 409,
    // and exactly one residence is open.
    const [a, b] = await Promise.all(
      // Different days, so that the residences' unique key alone would not stop the second.
      [k1, k2].map((k, i) => o01.post(`/api/register/cards/${k.id}/persons`, { name: '张三', idNumber, class: 'temporary', fromDate: `2026-03-0${5 + i}` })),
    );
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect(await t.db.personResidence.count({ where: { personId: p.id, untilDate: null } })).toBe(1);
  });
});

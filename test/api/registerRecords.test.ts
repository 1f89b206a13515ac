// The register's records over the real app on a real SQLite file: cards filed at buildings and
// doors, persons added with their ID number encrypted and masked, every class transition closing
// one residence and opening the next (history never overwritten), impossible transitions refused
// naming the field, audited reads and reveals, permits, rented homes, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshSqlite } from '../support/db.js';
import { seedOtherCounty } from '../support/otherCounty.js';
import { freshIdNumber } from '../support/register.js';
import { testCountyRecord } from '../support/users.js';
import { expectProblem, harness, today } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let o01: Client, o03: Client;

beforeAll(async () => {
  db = (await freshSqlite('api-register-records')).db;
  await seedDemoCounty(db, { today: '2026-01-01', county: testCountyRecord });
  await seedOtherCounty(db);
  h = await harness(db);
  [o01, o03] = await Promise.all(['o01', 'o03'].map((subjectId) => h.as({ role: 'officer', subjectId })));
});
afterAll(async () => db?.$disconnect());

const c01 = '/api/register/communities/c01';
let cardSeq = 0;
async function card(client = o01, community = c01) {
  const n = ++cardSeq;
  const res = await client.post(`${community}/cards`, { number: `H${n}`, building: `${n % 3}`, door: `${n}0${n}` }).expect(201);
  return res.body as { id: string; number: string; building: string; door: string };
}
async function person(cardId: string, body: Partial<{ class: string; fromDate: string; idNumber: string }> = {}) {
  const idNumber = body.idNumber ?? freshIdNumber();
  const res = await o01.post(`/api/register/cards/${cardId}/persons`, { name: '张三', idNumber, class: 'present-registered', fromDate: '2026-01-05', ...body });
  expect(res.status).toBe(201);
  return { ...(res.body as { id: string; idNumber: string }), clear: idNumber };
}
const history = async (id: string) => (await o01.get(`/api/register/persons/${id}`).expect(200)).body.history as Record<string, unknown>[];
const change = (id: string, body: object) => o01.post(`/api/register/persons/${id}/residence-changes`, body);

describe('buildings, doors and cards', () => {
  it('files a card at a building and door made when new, lists them, and refuses a card number twice', async () => {
    await o01.post(`${c01}/buildings`, { number: 'A1', address: '江口路1号' }).expect(201);
    expectProblem(await o01.post(`${c01}/buildings`, { number: 'A1' }), 409, { pointer: '/number' });
    const made = await o01.post(`${c01}/cards`, { number: 'K-001', building: 'A1', door: '101' }).expect(201);
    expect(made.body).toEqual({ id: expect.any(String), number: 'K-001', building: 'A1', door: '101', persons: [] });
    await o01.post(`${c01}/cards`, { number: 'K-002', building: 'A2', door: '201' }).expect(201);
    expectProblem(await o01.post(`${c01}/cards`, { number: 'K-001', building: 'A2', door: '202' }), 409, { pointer: '/number' });
    const buildings = (await o01.get(`${c01}/buildings`).expect(200)).body.items as { number: string; address: string; doors: unknown[] }[];
    expect(buildings.find((b) => b.number === 'A1')).toEqual({
      id: expect.any(String),
      number: 'A1',
      address: '江口路1号',
      doors: [{ id: expect.any(String), number: '101', cards: [{ id: made.body.id, number: 'K-001' }] }],
    });
    expect(buildings.find((b) => b.number === 'A2')?.doors).toHaveLength(1);
    const inA1 = (await o01.get(`${c01}/cards?building=A1`).expect(200)).body as { number: string }[];
    expect(inA1.map((c) => c.number)).toEqual(['K-001']);
    expect(((await o01.get(`${c01}/cards?q=K-00`).expect(200)).body as unknown[]).length).toBe(2);
    const audit = await db.auditEntry.findMany({ where: { entity: { in: ['RegisterBuilding', 'HouseholdCard'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.entity, a.action, a.actor])).toEqual([
      ['RegisterBuilding', 'create', 'officer:o01'],
      ['HouseholdCard', 'create', 'officer:o01'],
      ['HouseholdCard', 'create', 'officer:o01'],
    ]);
  });

  it('pages cards with a Link header', async () => {
    for (let i = 0; i < 3; i++) await card();
    const first = await o01.get(`${c01}/cards?limit=2`).expect(200);
    expect(first.body).toHaveLength(2);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? '')![1]!;
    const second = await o01.get(next).expect(200);
    expect((second.body as { id: string }[]).map((c) => c.id)).not.toContain((first.body as { id: string }[])[0]!.id);
  });
});

describe('persons and their ID numbers', () => {
  it('stores the ID number encrypted, shows it masked, and reveals it only on request, auditing each read', async () => {
    const k = await card();
    const p = await person(k.id, { idNumber: '11010519491231002x' });
    expect(p).toMatchObject({
      name: '张三',
      idNumber: '**************002X',
      phone: null,
      residence: { cardId: k.id, cardNumber: k.number, class: 'present-registered', fromDate: '2026-01-05' },
    });
    const row = await db.registerPerson.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.idNumberCipher).not.toContain('11010519491231002');
    expect(row.idNumberHash).not.toContain('11010519491231002');
    expect(row.idNumberTail).toBe('002X');
    const masked = await o01.get(`/api/register/persons/${p.id}`).expect(200);
    expect(masked.body.idNumber).toBe('**************002X');
    const revealed = await o01.get(`/api/register/persons/${p.id}?reveal=idNumber`).expect(200);
    expect(revealed.body.idNumber).toBe('11010519491231002X');
    expectProblem(await o01.get(`/api/register/persons/${p.id}?reveal=phone`), 400);
    const reads = await db.auditEntry.findMany({ where: { entity: 'RegisterPerson', entityId: p.id }, orderBy: { id: 'asc' } });
    expect(reads.map((a) => [a.action, a.actor])).toEqual([
      ['create', 'officer:o01'],
      ['read', 'officer:o01'],
      ['reveal', 'officer:o01'],
    ]);
    const all = JSON.stringify(await db.auditEntry.findMany());
    expect(all).not.toContain('11010519491231002');
    // Found again by the whole ID number, in either case of x.
    const found = (await o01.get(`${c01}/persons?q=11010519491231002x`).expect(200)).body as { id: string }[];
    expect(found.map((f) => f.id)).toEqual([p.id]);
  });

  it('refuses a person already living somewhere (409), a bad ID number and a future day (422 naming the field), writing nothing', async () => {
    const k = await card();
    const p = await person(k.id);
    const other = await card();
    const before = await Promise.all([db.registerPerson.count(), db.personResidence.count(), db.auditEntry.count()]);
    expectProblem(
      await o01.post(`/api/register/cards/${other.id}/persons`, { name: '李四', idNumber: p.clear, class: 'temporary', fromDate: '2026-02-01' }),
      409,
      {
        pointer: '/idNumber',
      },
    );
    const bad = p.clear.slice(0, 17) + (p.clear[17] === '0' ? '1' : '0');
    expectProblem(await o01.post(`/api/register/cards/${k.id}/persons`, { name: '李四', idNumber: bad, class: 'temporary', fromDate: '2026-02-01' }), 422, {
      pointer: '/idNumber',
    });
    expectProblem(await o01.post(`/api/register/cards/${k.id}/persons`, { name: '李四', idNumber: '1234', class: 'temporary', fromDate: '2026-02-01' }), 422, {
      pointer: '/idNumber',
    });
    const fresh = freshIdNumber();
    expectProblem(await o01.post(`/api/register/cards/${k.id}/persons`, { name: '李四', idNumber: fresh, class: 'temporary', fromDate: '2026-03-16' }), 422, {
      pointer: '/fromDate',
    });
    expectProblem(await o01.post(`/api/register/cards/${k.id}/persons`, { name: '李四', idNumber: fresh, class: 'lodger', fromDate: '2026-03-01' }), 422, {
      pointer: '/class',
    });
    expect(await Promise.all([db.registerPerson.count(), db.personResidence.count(), db.auditEntry.count()])).toEqual(before);
  });

  it('corrects name, phone and ID number, auditing before and after with the ID masked; refuses another person’s ID number (409)', async () => {
    const k = await card();
    const p = await person(k.id);
    const q = await person(k.id);
    const next = freshIdNumber();
    const updated = await o01.patch(`/api/register/persons/${p.id}`, { name: '张叁', phone: '13900000001', idNumber: next }).expect(200);
    expect(updated.body).toMatchObject({ name: '张叁', phone: '13900000001', idNumber: `**************${next.slice(-4)}` });
    expect((await o01.get(`/api/register/persons/${p.id}?reveal=idNumber`)).body.idNumber).toBe(next);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: 'RegisterPerson', entityId: p.id, action: 'update' } });
    expect(audit.before).toMatchObject({ name: '张三', idNumber: `**************${p.clear.slice(-4)}`, phone: null });
    expect(audit.after).toMatchObject({ name: '张叁', idNumber: `**************${next.slice(-4)}`, phone: '13900000001' });
    expect(JSON.stringify(audit)).not.toContain(next.slice(0, 14));
    expectProblem(await o01.patch(`/api/register/persons/${p.id}`, { idNumber: q.clear }), 409, { pointer: '/idNumber' });
    expectProblem(await o01.patch(`/api/register/persons/${p.id}`, {}), 422);
  });
});

describe('class transitions', () => {
  it('moves, re-classifies, corrects and ends a residence, closing each and opening the next, never overwriting', async () => {
    const [k1, k2, k3] = [await card(), await card(), await card()];
    const p = await person(k1.id, { class: 'temporary', fromDate: '2026-01-02' });
    expect((await change(p.id, { date: '2026-01-20', reason: 'moved', cardId: k2.id }).expect(200)).body.residence).toMatchObject({
      cardId: k2.id,
      class: 'temporary',
      fromDate: '2026-01-20',
    });
    expect((await change(p.id, { date: '2026-02-01', reason: 'reclassified', class: 'present-unregistered' }).expect(200)).body.residence).toMatchObject({
      cardId: k2.id,
      class: 'present-unregistered',
    });
    await change(p.id, { date: '2026-02-10', reason: 'corrected', cardId: k3.id, class: 'present-registered' }).expect(200);
    await change(p.id, { date: '2026-03-01', reason: 'reclassified', class: 'registered-away' }).expect(200);
    const left = await change(p.id, { date: '2026-03-10', reason: 'left' }).expect(200);
    expect(left.body.residence).toBeNull();
    expect((await history(p.id)).map((r) => [r.cardId, r.class, r.fromDate, r.untilDate, r.endReason])).toEqual([
      [k1.id, 'temporary', '2026-01-02', '2026-01-20', 'moved'],
      [k2.id, 'temporary', '2026-01-20', '2026-02-01', 'reclassified'],
      [k2.id, 'present-unregistered', '2026-02-01', '2026-02-10', 'corrected'],
      [k3.id, 'present-registered', '2026-02-10', '2026-03-01', 'reclassified'],
      [k3.id, 'registered-away', '2026-03-01', '2026-03-10', 'left'],
    ]);
    // Nothing more changes once they have left; they may be added again, as the same person.
    expectProblem(await change(p.id, { date: '2026-03-12', reason: 'died' }), 422, { pointer: '/reason' });
    const back = await o01
      .post(`/api/register/cards/${k1.id}/persons`, { name: '张三', idNumber: p.clear, class: 'present-registered', fromDate: '2026-03-12' })
      .expect(201);
    expect(back.body.id).toBe(p.id);
    await change(p.id, { date: '2026-03-14', reason: 'died' }).expect(200);
    expect((await history(p.id)).at(-1)).toMatchObject({ cardId: k1.id, fromDate: '2026-03-12', untilDate: '2026-03-14', endReason: 'died' });
    // The old card shows who lived on it; reading it is audited.
    const old = await o01.get(`/api/register/cards/${k2.id}`).expect(200);
    expect(old.body.persons).toEqual([]);
    expect(old.body.past.map((r: { person: { id: string }; class: string }) => [r.person.id, r.class])).toEqual([
      [p.id, 'temporary'],
      [p.id, 'present-unregistered'],
    ]);
    expect(await db.auditEntry.count({ where: { entity: 'HouseholdCard', entityId: k2.id, action: 'read' } })).toBe(1);
    const changes = await db.auditEntry.findMany({
      where: { entity: 'PersonResidence', action: { in: ['moved', 'reclassified', 'corrected', 'left', 'died'] } },
      orderBy: { id: 'asc' },
    });
    expect(changes.filter((a) => (a.after as { personId: string }).personId === p.id).map((a) => a.action)).toEqual([
      'moved',
      'reclassified',
      'corrected',
      'reclassified',
      'left',
      'died',
    ]);
  });

  it('refuses impossible transitions naming the field, writing nothing', async () => {
    const [k1, k2] = [await card(), await card()];
    const elsewhere = await card(await h.as({ role: 'officer', subjectId: 'o03' }), '/api/register/communities/c02');
    const p = await person(k1.id, { class: 'present-registered', fromDate: '2026-02-01' });
    const before = await Promise.all([db.personResidence.count(), db.personResidence.count({ where: { untilDate: null } }), db.auditEntry.count()]);
    const refused: [object, string][] = [
      [{ date: '2026-03-01', reason: 'reclassified', class: 'present-registered' }, '/class'],
      [{ date: '2026-03-01', reason: 'reclassified' }, '/class'],
      [{ date: '2026-03-01', reason: 'reclassified', class: 'temporary', cardId: k2.id }, '/cardId'],
      [{ date: '2026-01-31', reason: 'moved', cardId: k2.id }, '/date'],
      [{ date: '2026-02-01', reason: 'moved', cardId: k2.id }, '/date'],
      [{ date: '2026-03-16', reason: 'moved', cardId: k2.id }, '/date'],
      [{ date: '2026-03-01', reason: 'moved', cardId: elsewhere.id }, '/cardId'],
      [{ date: '2026-03-01', reason: 'moved', cardId: k1.id }, '/cardId'],
      [{ date: '2026-03-01', reason: 'moved' }, '/cardId'],
      [{ date: '2026-03-01', reason: 'moved', cardId: 'no-such-card' }, '/cardId'],
      [{ date: '2026-03-01', reason: 'left', cardId: k2.id }, '/cardId'],
      [{ date: '2026-03-01', reason: 'died', class: 'temporary' }, '/class'],
      [{ date: '2026-03-01', reason: 'corrected', class: 'present-registered' }, '/class'],
      [{ date: '2026-03-01', reason: 'emigrated' }, '/reason'],
      [{ date: '2026-02-30', reason: 'left' }, '/date'],
    ];
    for (const [body, pointer] of refused) expectProblem(await change(p.id, body), 422, { pointer });
    expect(await Promise.all([db.personResidence.count(), db.personResidence.count({ where: { untilDate: null } }), db.auditEntry.count()])).toEqual(before);
  });
});

describe('temporary permits', () => {
  it('records a permit only for a temporary resident, once per registration day', async () => {
    const k = await card();
    const resident = await person(k.id, { class: 'present-registered' });
    expectProblem(await o01.post(`/api/register/persons/${resident.id}/permits`, { registeredOn: '2026-02-01' }), 422, { pointer: '' });
    const temp = await person(k.id, { class: 'temporary', fromDate: '2026-01-10' });
    const made = await o01
      .post(`/api/register/persons/${temp.id}/permits`, { registeredOn: '2026-01-12', permitNumber: 'JZZ-1', expiresOn: '2027-01-12' })
      .expect(201);
    expect(made.body).toMatchObject({
      personId: temp.id,
      communityId: 'c01',
      registeredOn: '2026-01-12',
      permitNumber: 'JZZ-1',
      expiresOn: '2027-01-12',
      recordedBy: 'officer:o01',
    });
    expectProblem(await o01.post(`/api/register/persons/${temp.id}/permits`, { registeredOn: '2026-01-12' }), 409);
    expectProblem(await o01.post(`/api/register/persons/${temp.id}/permits`, { registeredOn: '2026-01-09' }), 422, { pointer: '/registeredOn' });
    expectProblem(await o01.post(`/api/register/persons/${temp.id}/permits`, { registeredOn: '2026-03-16' }), 422, { pointer: '/registeredOn' });
    expectProblem(await o01.post(`/api/register/persons/${temp.id}/permits`, { registeredOn: '2026-02-01', expiresOn: '2026-01-01' }), 422, {
      pointer: '/expiresOn',
    });
    expect((await o01.get(`/api/register/persons/${temp.id}`).expect(200)).body.permits).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { entity: 'TemporaryPermit', entityId: String(made.body.id) } })).toBe(1);
  });
});

describe('rented homes', () => {
  it('lists a home with its next inspection due the rule set’s interval after the last, and ends it', async () => {
    const home = (await o01.post(`${c01}/rented-homes`, { building: 'R1', door: '301', landlord: '王五', fromDate: '2026-01-01' }).expect(201)).body;
    expect(home).toEqual({
      id: expect.any(String),
      building: 'R1',
      door: '301',
      landlord: '王五',
      fromDate: '2026-01-01',
      untilDate: null,
      lastInspectedOn: null,
      inspectionDueOn: '2026-04-01',
    });
    expectProblem(await o01.post(`${c01}/rented-homes`, { building: 'R1', door: '301', landlord: '赵六', fromDate: '2026-02-01' }), 409, { pointer: '/door' });
    await o01.post(`/api/register/rented-homes/${home.id}/inspections`, { inspectedOn: '2026-02-10', note: '消防通道畅通' }).expect(201);
    expectProblem(await o01.post(`/api/register/rented-homes/${home.id}/inspections`, { inspectedOn: '2026-02-10' }), 409);
    expectProblem(await o01.post(`/api/register/rented-homes/${home.id}/inspections`, { inspectedOn: '2025-12-31' }), 422, { pointer: '/inspectedOn' });
    expectProblem(await o01.post(`/api/register/rented-homes/${home.id}/inspections`, { inspectedOn: '2026-03-16' }), 422, { pointer: '/inspectedOn' });
    const listed = (await o01.get(`${c01}/rented-homes`).expect(200)).body.items.find((r: { id: string }) => r.id === home.id);
    expect(listed).toMatchObject({ lastInspectedOn: '2026-02-10', inspectionDueOn: '2026-05-11' });
    const ended = await o01.post(`/api/register/rented-homes/${home.id}/ending`, { date: '2026-03-01' }).expect(200);
    expect(ended.body).toMatchObject({ untilDate: '2026-03-01', inspectionDueOn: null });
    expectProblem(await o01.post(`/api/register/rented-homes/${home.id}/ending`, { date: '2026-03-02' }), 422, { pointer: '/date' });
    expectProblem(await o01.post(`/api/register/rented-homes/${home.id}/inspections`, { inspectedOn: '2026-03-05' }), 422, { pointer: '/inspectedOn' });
    // The door may be let again after the ending.
    await o01.post(`${c01}/rented-homes`, { building: 'R1', door: '301', landlord: '赵六', fromDate: '2026-03-01' }).expect(201);
    expect((await db.auditEntry.findMany({ where: { entity: 'RentedHome', entityId: home.id } })).map((a) => a.action)).toEqual(['create', 'end']);
  });
});

describe('who reaches a community’s register', () => {
  it('lets its officer and station keep it, the population brigade read it, and nobody else reach it', async () => {
    const k = await card();
    const p = await person(k.id, { class: 'temporary' });
    const home = (await o01.post(`${c01}/rented-homes`, { building: 'R9', door: '1', landlord: '王五', fromDate: '2026-01-01' }).expect(201)).body as {
      id: string;
    };
    const reads = [`${c01}/buildings`, `${c01}/cards`, `/api/register/cards/${k.id}`, `${c01}/persons`, `/api/register/persons/${p.id}`, `${c01}/rented-homes`];
    const writes: [string, () => object][] = [
      [`${c01}/buildings`, () => ({ number: `W${++cardSeq}` })],
      [`${c01}/cards`, () => ({ number: `W${++cardSeq}`, building: 'W', door: `${cardSeq}` })],
      [`/api/register/cards/${k.id}/persons`, () => ({ name: '某', idNumber: freshIdNumber(), class: 'temporary', fromDate: '2026-03-01' })],
      [`/api/register/persons/${p.id}/permits`, () => ({ registeredOn: `2026-03-${String((++cardSeq % 14) + 1).padStart(2, '0')}` })],
      [`${c01}/rented-homes`, () => ({ building: 'W', door: `${++cardSeq}`, landlord: '某', fromDate: '2026-02-01' })],
      [`/api/register/rented-homes/${home.id}/inspections`, () => ({ inspectedOn: `2026-02-${String((++cardSeq % 27) + 1).padStart(2, '0')}` })],
    ];
    const patch = () => ({ phone: `1390000${String(++cardSeq).padStart(4, '0')}` });
    const as = (role: string, subjectId?: string, countyId?: string) => h.as({ role: role as 'officer', subjectId, countyId });
    const cases: [string, Client, number, number][] = [
      ['its officer', o01, 200, 201],
      ['its other officer', await as('officer', 'o02'), 200, 201],
      ['its station', await as('station', 'chengguan'), 200, 201],
      ['the population brigade', await as('department', 'renkou'), 200, 403],
      ['another community’s officer', o03, 404, 404],
      ['another station', await as('station', 'tuojiang'), 404, 404],
      ['another department', await as('department', 'zhian'), 404, 404],
      ['bureau staff', await as('bureau-staff'), 403, 403],
      ['a leader', await as('leader', 'L01'), 403, 403],
      ['another county’s officer', await as('officer', 'xo1', 'other-county'), 404, 404],
      ['another county’s station', await as('station', 'xstation', 'other-county'), 404, 404],
    ];
    const wrong: string[] = [];
    for (const [who, client, read, write] of cases) {
      for (const path of reads) {
        const res = await client.get(path);
        if (res.status !== read) wrong.push(`${who} GET ${path}: ${res.status}`);
      }
      for (const [path, body] of writes) {
        const res = await client.post(path, body());
        if (res.status !== write) wrong.push(`${who} POST ${path}: ${res.status} ${res.body.detail ?? ''}`);
      }
      const patched = await client.patch(`/api/register/persons/${p.id}`, patch());
      if (patched.status !== (write === 201 ? 200 : write)) wrong.push(`${who} PATCH person: ${patched.status}`);
    }
    // The transitions last, on a person of their own each, so one keeper's change does not refuse the next.
    for (const [who, client, , write] of cases) {
      const q = await person(k.id, { fromDate: '2026-01-01' });
      const moved = await client.post(`/api/register/persons/${q.id}/residence-changes`, { date: '2026-02-01', reason: 'left' });
      if (moved.status !== (write === 201 ? 200 : write)) wrong.push(`${who} residence change: ${moved.status}`);
      const ended = await client.post(`/api/register/rented-homes/${home.id}/ending`, { date: '2026-03-14' });
      if (ended.status !== (write === 201 ? 200 : write) && !(write === 201 && ended.status === 422)) wrong.push(`${who} ending: ${ended.status}`);
    }
    expect(wrong).toEqual([]);
    // A reader's reads are audited as theirs.
    expect(await db.auditEntry.count({ where: { entity: 'RegisterPerson', entityId: p.id, action: 'read', actor: 'department:renkou' } })).toBe(1);
    expect(today).toBe('2026-03-15');
  });
});

// Bureau staff invite users of their own county; a code is shown once, stored hashed, valid 72 h
// and used once; reissuing ends the older code; users of other counties answer 404.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { expectProblem } from '../api/harness.js';
import { freshSqlite } from '../support/db.js';
import { tokenFor } from '../support/users.js';
import { accountsApp, bearer, otherCounty, seedRegistry, sha256 } from './setup.js';

let db: Db;
let t: ReturnType<typeof accountsApp>;
const strong = 'a long pass phrase 1';

beforeAll(async () => {
  db = (await freshSqlite('accounts-invitations')).db;
  await seedRegistry(db);
  t = accountsApp(db);
});
afterAll(async () => db?.$disconnect());

const invite = (body: object) => request(t.app).post('/api/users').set(bearer).send(body);

describe('POST /api/users (inviteUser)', () => {
  it('creates the user of the caller county with a one-time code, stored only as its sha256, valid 72 h', async () => {
    const res = await invite({ id: 'li.leader', displayName: '李局', role: 'leader', subjectId: 'L01' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe('/api/users/li.leader');
    expect(res.body.user).toMatchObject({
      id: 'li.leader',
      role: 'leader',
      countyId: 'test-county',
      subjectId: 'L01',
      passwordSet: false,
      createdBy: 'tester',
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const { code, expiresAt } = res.body.invitation;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-03-18T08:00:00.000Z');
    const stored = await db.invitation.findFirstOrThrow({ where: { userId: 'li.leader' } });
    expect(stored.codeHash).toBe(sha256(code));
    const audit = await db.auditEntry.findMany({ where: { entityId: { in: ['li.leader', String(stored.id)] } } });
    expect(audit.map((a) => [a.action, a.actor, a.authMethod])).toEqual([
      ['create', 'tester', 'bootstrap'],
      ['invite', 'tester', 'bootstrap'],
    ]);
    expect(JSON.stringify(audit)).not.toContain(code);
  });

  it('needs the subject of the role, in the caller county, of the right kind; forbids one for other roles', async () => {
    expectProblem(await invite({ id: 'u1', displayName: 'x', role: 'officer' }), 422, { pointer: '/subjectId' });
    expectProblem(await invite({ id: 'u1', displayName: 'x', role: 'officer', subjectId: 'o09' }), 422, { pointer: '/subjectId' }); // other county
    expectProblem(await invite({ id: 'u1', displayName: 'x', role: 'officer', subjectId: 'L01' }), 422, { pointer: '/subjectId' }); // a leader
    expectProblem(await invite({ id: 'u1', displayName: 'x', role: 'finance', subjectId: 'o01' }), 422, { pointer: '/subjectId' });
    expectProblem(await invite({ id: 'u1', displayName: 'x', role: 'chief' }), 422, { pointer: '/role' });
    for (const [role, subjectId] of [
      ['officer', 'o01'],
      ['department', 'D01'],
      ['station', 'S01'],
      ['finance', undefined],
      ['bureau-head', undefined],
      ['bureau-staff', undefined],
    ] as const) {
      expect((await invite({ id: `u-${role}`, displayName: role, role, subjectId })).status).toBe(201);
    }
    expect(await db.user.count({ where: { id: 'u1' } })).toBe(0);
  });

  it('leaves province readers to the operator, refuses a taken id, and lets only bureau staff invite', async () => {
    expectProblem(await invite({ id: 'prov', displayName: '省厅', role: 'province-reader' }), 403, { pointer: '/role' });
    expectProblem(await invite({ id: 'li.leader', displayName: 'again', role: 'finance' }), 409, { pointer: '/id' });
    const head = await tokenFor(db, { role: 'bureau-head' });
    const res = await request(t.app).post('/api/users').set('Authorization', `Bearer ${head}`).send({ id: 'x', displayName: 'x', role: 'finance' });
    expect(res.status).toBe(403);
  });
});

describe('POST /api/invitations/acceptance', () => {
  it('sets a scrypt password once; the code then fails', async () => {
    const code = await t.invite({ id: 'once', role: 'finance' });
    expectProblem(await t.accept(code, 'too short'), 422, { pointer: '/password' });
    const ok = await t.accept(code, strong);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ id: 'once', passwordSet: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: 'once' } })).passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expectProblem(await t.accept(code, strong), 422, { pointer: '/code' });
    const rows = await db.auditEntry.findMany({ where: { entityId: 'once' } });
    expect(rows.map((r) => [r.action, r.actor])).toContainEqual(['accept-invitation', 'once']);
    expect(JSON.stringify(rows)).not.toContain(strong);
  });

  it('refuses the sign-in name as the password', async () => {
    const code = await t.invite({ id: 'name.as.password', role: 'finance' });
    expectProblem(await t.accept(code, 'name.as.password'), 422, { pointer: '/password' });
  });

  it('expires codes after 72 hours', async () => {
    const code = await t.invite({ id: 'late', role: 'finance' });
    t.minutes(72 * 60 + 1);
    expectProblem(await t.accept(code, strong), 422, { pointer: '/code' });
    t.minutes(-(72 * 60 + 1));
  });

  it('reissuing ends the older unused code', async () => {
    const first = await t.invite({ id: 'reissued', role: 'finance' });
    const res = await request(t.app).post('/api/users/reissued/invitations').set(bearer);
    expect(res.status).toBe(201);
    expectProblem(await t.accept(first, strong), 422, { pointer: '/code' });
    expect((await t.accept(res.body.invitation.code, strong)).status).toBe(200);
  });
});

describe('listUsers, getUser: the caller county only', () => {
  it('lists and reads users of the own county and answers 404 for another county', async () => {
    await tokenFor(db, { role: 'finance', countyId: otherCounty, id: 'far.finance' });
    const list = await request(t.app).get('/api/users?limit=500').set(bearer);
    expect(list.status).toBe(200);
    const ids = list.body.map((u: { id: string }) => u.id);
    expect(ids).toContain('li.leader');
    expect(ids).not.toContain('far.finance');
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|scrypt/);
    expect((await request(t.app).get('/api/users/li.leader').set(bearer)).body).toMatchObject({ id: 'li.leader' });
    expectProblem(await request(t.app).get('/api/users/far.finance').set(bearer), 404);
    expectProblem(await request(t.app).post('/api/users/far.finance/disable').set(bearer), 404);
    expectProblem(await request(t.app).post('/api/users/far.finance/invitations').set(bearer), 404);
    const head = await tokenFor(db, { role: 'bureau-head' });
    expect((await request(t.app).get('/api/users?role=leader').set('Authorization', `Bearer ${head}`)).body.map((u: { id: string }) => u.id)).toEqual([
      'li.leader',
    ]);
  });
});

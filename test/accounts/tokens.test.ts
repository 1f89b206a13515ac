// Personal access tokens: a subset of the user's operations, shown once, stored hashed, expiring
// and revocable; the bootstrap token mints none. Counties: one's own, or all for a province reader.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { expectProblem } from '../api/harness.js';
import { freshSqlite } from '../support/db.js';
import { tokenFor } from '../support/users.js';
import { accountsApp, bearer, otherCounty, seedRegistry, sha256 } from './setup.js';

let db: Db;
let t: ReturnType<typeof accountsApp>;
let leader: Awaited<ReturnType<ReturnType<typeof accountsApp>['newUser']>>['browser'];

beforeAll(async () => {
  db = (await freshSqlite('accounts-tokens')).db;
  await seedRegistry(db);
  t = accountsApp(db);
  leader = (await t.newUser({ id: 'leader.li', role: 'leader', subjectId: 'L01' })).browser;
});
afterAll(async () => db?.$disconnect());

const as = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('POST /api/tokens (createToken)', () => {
  it('shows a cpat_ token once, keeps its sha256, and lists it without the secret', async () => {
    const res = await leader.post('/api/tokens', { name: 'upload script', permissions: ['currentSession', 'listCounties', 'currentSession'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'upload script', permissions: ['currentSession', 'listCounties'], expiresAt: '2026-06-13T08:00:00.000Z' });
    expect(res.body.token).toMatch(/^cpat_[A-Za-z0-9_-]{43}$/);
    expect(res.headers.location).toBe(`/api/tokens/${res.body.id}`);
    const row = await db.accessToken.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.tokenHash).toBe(sha256(res.body.token));
    const list = await leader.get('/api/tokens');
    expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, name: 'upload script', revokedAt: null })]);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    expect(JSON.stringify(list.body)).not.toContain(row.tokenHash);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: 'AccessToken', entityId: res.body.id } });
    expect(audit).toMatchObject({ actor: 'leader.li', action: 'create', authMethod: 'session' });
    expect(JSON.stringify(audit)).not.toContain(res.body.token);
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it('carries only the permissions given: an operation outside them is 403', async () => {
    const { body } = await leader.post('/api/tokens', { name: 'reader', permissions: ['currentSession'] });
    const me = await request(t.app).get('/api/session').set(as(body.token));
    expect(me.body).toMatchObject({ method: 'token', permissions: ['currentSession'], userId: 'leader.li' });
    const refused = await request(t.app).get('/api/counties').set(as(body.token));
    expectProblem(refused, 403);
    expect(refused.body.detail).toMatch(/does not carry the permission listCounties/);
    // A token minted with a token carries no more than it.
    const minted = await request(t.app)
      .post('/api/tokens')
      .set(as(body.token))
      .send({ name: 'x', permissions: ['currentSession'] });
    expectProblem(minted, 403);
  });

  it("refuses operations outside the user's role, naming /permissions/<i>, and bad lifetimes", async () => {
    expectProblem(await leader.post('/api/tokens', { name: 'x', permissions: ['currentSession', 'inviteUser'] }), 422, { pointer: '/permissions/1' });
    expectProblem(await leader.post('/api/tokens', { name: 'x', permissions: ['noSuchOperation'] }), 422, { pointer: '/permissions/0' });
    expectProblem(await leader.post('/api/tokens', { name: 'x', permissions: [] }), 422, { pointer: '/permissions' });
    expectProblem(await leader.post('/api/tokens', { name: 'x', permissions: ['currentSession'], expiresInDays: 0 }), 422, { pointer: '/expiresInDays' });
    expectProblem(await leader.post('/api/tokens', { name: 'x', permissions: ['currentSession'], expiresInDays: 366 }), 422, { pointer: '/expiresInDays' });
  });

  it('is refused to the bootstrap token, which is not a user', async () => {
    const res = await request(t.app)
      .post('/api/tokens')
      .set(bearer)
      .send({ name: 'x', permissions: ['currentSession'] });
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(/bootstrap token is not a user.*sign in as a user/);
    expect((await request(t.app).get('/api/tokens').set(bearer)).body).toEqual([]);
  });
});

describe('expiry and revocation', () => {
  it('answers 401 once the token has expired', async () => {
    const { body } = await leader.post('/api/tokens', { name: 'short', permissions: ['currentSession'], expiresInDays: 1 });
    await request(t.app).get('/api/session').set(as(body.token)).expect(200);
    const later = accountsApp(db, {}, '2026-03-16T08:00:01Z');
    const res = await request(later.app).get('/api/session').set(as(body.token));
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/expired/);
  });

  it("revokes one of the own tokens (401 afterwards); another user's token is 404", async () => {
    const { body } = await leader.post('/api/tokens', { name: 'revoke me', permissions: ['currentSession'] });
    const other = await tokenFor(db, { role: 'finance', id: 'finance.zhao' });
    const otherId = (await db.accessToken.findFirstOrThrow({ where: { userId: 'finance.zhao' } })).id;
    expectProblem(await leader.delete(`/api/tokens/${otherId}`), 404);
    expectProblem(await request(t.app).delete(`/api/tokens/${body.id}`).set(as(other)), 404);
    expect((await leader.delete(`/api/tokens/${body.id}`)).status).toBe(204);
    const res = await request(t.app).get('/api/session').set(as(body.token));
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/revoked/);
    expect(await db.auditEntry.count({ where: { action: 'revoke', entityId: body.id, actor: 'leader.li' } })).toBe(1);
    expect((await leader.delete(`/api/tokens/${body.id}`)).status).toBe(204);
    expect(await db.auditEntry.count({ where: { action: 'revoke', entityId: body.id } })).toBe(1);
  });
});

describe('counties', () => {
  it('shows a county role its own county and 404 for another', async () => {
    const list = await leader.get('/api/counties');
    expect(list.body.map((c: { id: string }) => c.id)).toEqual(['test-county']);
    expect((await leader.get('/api/counties/test-county')).status).toBe(200);
    expectProblem(await leader.get(`/api/counties/${otherCounty}`), 404);
    expectProblem(await leader.get('/api/counties/nowhere'), 404);
  });

  it('shows a province reader every county', async () => {
    const reader = as(await tokenFor(db, { role: 'province-reader', countyId: null }));
    const list = await request(t.app).get('/api/counties').set(reader);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([otherCounty, 'test-county']);
    expect((await request(t.app).get(`/api/counties/${otherCounty}`).set(reader)).body).toMatchObject({ id: otherCounty, name: `${otherCounty} 公安局` });
  });

  it('answers 401 to the anonymous', async () => {
    expectProblem(await request(t.app).get('/api/counties'), 401);
  });
});

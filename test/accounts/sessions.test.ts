// Sessions: the cookie's flags, CSRF on cookie-signed writes, rotation at sign-in, idle and
// absolute expiry by the injected clock, sign-out, password change and disabling a user.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { expectProblem } from '../api/harness.js';
import { freshSqlite } from '../support/db.js';
import { accountsApp, bearer, seedRegistry, setCookies, sha256 } from './setup.js';

let db: Db;
let t: ReturnType<typeof accountsApp>;

beforeAll(async () => {
  db = (await freshSqlite('accounts-sessions')).db;
  await seedRegistry(db);
  t = accountsApp(db);
});
afterAll(async () => db?.$disconnect());

describe('POST /api/session (signIn)', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie, keeping only hashes', async () => {
    const { res, cookies, browser } = await t.newUser({ id: 'leader.li', role: 'leader', subjectId: 'L01' });
    expect(res.body).toMatchObject({ role: 'leader', countyId: 'test-county', subjectId: 'L01', user: { id: 'leader.li', passwordSet: true } });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const session = cookies.cp_session!;
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict']));
    expect(session.attributes).not.toContain('Secure'); // plain HTTP, no proxy trusted
    const csrf = cookies.cp_csrf!;
    expect(csrf.value).toBe(res.body.csrfToken);
    expect(csrf.attributes).not.toContain('HttpOnly');
    expect(csrf.attributes).toContain('SameSite=Strict');
    const row = await db.session.findUniqueOrThrow({ where: { id: sha256(session.value) } });
    expect(row).toMatchObject({ userId: 'leader.li', csrfHash: sha256(res.body.csrfToken), endedAt: null });
    expect(row.expiresAt.toISOString()).toBe(new Date(t.clock.now.getTime() + 12 * 3_600_000).toISOString());
    const me = await browser.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: 'leader.li', role: 'leader', method: 'session', expiresAt: row.expiresAt.toISOString() });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'sign-in', actor: 'leader.li' } });
    expect(audit).toMatchObject({ role: 'leader', countyId: 'test-county', authMethod: 'session', credentialId: row.id, entity: 'Session' });
  });

  it('marks cookies Secure over HTTPS through a trusted proxy, or when configured', async () => {
    const proxied = accountsApp(db, { trustProxy: true });
    const res = await request(proxied.app)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ id: 'leader.li', password: 'leader.li-pass-phrase-1' });
    expect(setCookies(res.headers['set-cookie']).cp_session!.attributes).toContain('Secure');
    const untrusted = await request(t.app)
      .post('/api/session')
      .set('X-Forwarded-Proto', 'https')
      .send({ id: 'leader.li', password: 'leader.li-pass-phrase-1' });
    expect(setCookies(untrusted.headers['set-cookie']).cp_session!.attributes).not.toContain('Secure');
    const always = accountsApp(db, { secureCookies: true });
    const res2 = await request(always.app).post('/api/session').send({ id: 'leader.li', password: 'leader.li-pass-phrase-1' });
    const c = setCookies(res2.headers['set-cookie']);
    expect(c.cp_session!.attributes).toContain('Secure');
    expect(c.cp_csrf!.attributes).toContain('Secure');
  });

  it('rotates: every sign-in is a new session, and the cookie presented at sign-in ends', async () => {
    const first = await t.signIn('leader.li', 'leader.li-pass-phrase-1');
    const second = await t.signIn('leader.li', 'leader.li-pass-phrase-1', first.browser.session);
    expect(second.browser.session).not.toBe(first.browser.session);
    const old = await first.browser.get('/api/session');
    expectProblem(old, 401);
    expect(old.body.detail).toMatch(/ended.*sign in again/);
    expect((await db.session.findUniqueOrThrow({ where: { id: sha256(first.browser.session) } })).endReason).toBe('replaced at sign-in');
    expect((await second.browser.get('/api/session')).status).toBe(200);
    // An ended cookie does not stand in the way of signing in again.
    const third = await t.signIn('leader.li', 'leader.li-pass-phrase-1', first.browser.session);
    expect(third.browser.session).not.toBe(first.browser.session);
  });

  it('answers one 401 for a wrong password, an unknown name and a user without a password', async () => {
    await t.invite({ id: 'not.yet', role: 'finance' });
    for (const [id, password] of [
      ['leader.li', 'wrong password 1'],
      ['nobody', 'leader.li-pass-phrase-1'],
      ['not.yet', 'anything at all'],
    ]) {
      const res = await request(t.app).post('/api/session').send({ id, password });
      expectProblem(res, 401);
      expect(res.body.detail).toBe('the sign-in name or password is wrong, or the user is disabled');
    }
    const failures = await db.auditEntry.findMany({ where: { action: 'sign-in-failed' } });
    expect(failures.map((f) => [f.actor, (f.after as { reason: string }).reason])).toEqual([
      ['leader.li', 'wrong password'],
      ['nobody', 'unknown sign-in name'],
      ['not.yet', 'no password set yet'],
    ]);
    expect(JSON.stringify(failures)).not.toMatch(/wrong password 1|pass-phrase|anything at all/);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-signed write without X-CSRF-Token (or with a wrong one), naming the header', async () => {
    const { browser } = await t.signIn('leader.li', 'leader.li-pass-phrase-1');
    const body = { name: 'script', permissions: ['currentSession'] };
    const missing = await browser.post('/api/tokens', body, false);
    expectProblem(missing, 403);
    expect(missing.body.detail).toContain('X-CSRF-Token');
    const wrong = await request(t.app).post('/api/tokens').set('Cookie', `cp_session=${browser.session}`).set('X-CSRF-Token', 'forged').send(body);
    expectProblem(wrong, 403);
    expect(await db.accessToken.count({ where: { userId: 'leader.li' } })).toBe(0);
    expect((await browser.post('/api/tokens', body)).status).toBe(201);
    // Reads need no CSRF header, and bearer writes none either.
    expect((await browser.get('/api/tokens')).status).toBe(200);
  });
});

describe('expiry', () => {
  it('ends a session idle for 30 minutes; use keeps it alive, written at most once a minute', async () => {
    const { browser } = await t.signIn('leader.li', 'leader.li-pass-phrase-1');
    const id = sha256(browser.session);
    const signedInAt = t.clock.now.getTime();
    t.advance(30_000);
    await browser.get('/api/session').expect(200);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBe(signedInAt); // under a minute: not written
    t.minutes(20);
    await browser.get('/api/session').expect(200);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime()).toBe(t.clock.now.getTime());
    t.minutes(29);
    await browser.get('/api/session').expect(200);
    t.minutes(30);
    const res = await browser.get('/api/session');
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/30 min without use/);
    expect((await db.session.findUniqueOrThrow({ where: { id } })).endReason).toBe('idle');
  });

  it('ends a session 12 hours after sign-in however busy', async () => {
    const { browser } = await t.signIn('leader.li', 'leader.li-pass-phrase-1');
    for (let i = 0; i < 35; i++) {
      t.minutes(20);
      await browser.get('/api/session').expect(200); // 11 h 40 min
    }
    t.minutes(20);
    const res = await browser.get('/api/session');
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/expired 12 h after sign-in/);
  });

  it('answers 401 for a cookie it never gave out', async () => {
    const res = await request(t.app).get('/api/session').set('Cookie', 'cp_session=made-up');
    expectProblem(res, 401);
    expect(res.body.detail).toMatch(/session cookie is not valid/);
  });
});

describe('DELETE /api/session (signOut)', () => {
  it('ends the session, clears both cookies and audits with the user as actor', async () => {
    const { browser } = await t.signIn('leader.li', 'leader.li-pass-phrase-1');
    const res = await browser.delete('/api/session');
    expect(res.status).toBe(204);
    const cleared = setCookies(res.headers['set-cookie']);
    expect(cleared.cp_session!.value).toBe('');
    expect(cleared.cp_session!.attributes.join(';')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared.cp_csrf!.value).toBe('');
    expectProblem(await browser.get('/api/session'), 401);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'sign-out' } });
    expect(audit).toMatchObject({ actor: 'leader.li', authMethod: 'session', credentialId: sha256(browser.session) });
  });

  it('is a conflict for a bearer token, which has no session to end', async () => {
    expectProblem(await request(t.app).delete('/api/session').set(bearer), 409);
  });
});

describe('POST /api/session/password (changePassword)', () => {
  it('checks the current password, ends the other sessions, keeps this one and the tokens', async () => {
    const old = 'leader.li-pass-phrase-1';
    const a = (await t.signIn('leader.li', old)).browser;
    const b = (await t.signIn('leader.li', old)).browser;
    const created = await a.post('/api/tokens', { name: 'uploader', permissions: ['currentSession'] });
    const tokenAuth = { Authorization: `Bearer ${created.body.token}` };
    expectProblem(await a.post('/api/session/password', { currentPassword: 'not it at all', newPassword: 'a new pass phrase 2' }), 422, {
      pointer: '/currentPassword',
    });
    expectProblem(await a.post('/api/session/password', { currentPassword: old, newPassword: 'short' }), 422, { pointer: '/newPassword' });
    const res = await a.post('/api/session/password', { currentPassword: old, newPassword: 'a new pass phrase 2' });
    expect(res.status).toBe(200);
    expect(res.body.endedSessions).toBeGreaterThanOrEqual(1);
    expect((await a.get('/api/session')).status).toBe(200);
    expectProblem(await b.get('/api/session'), 401);
    expect((await request(t.app).get('/api/session').set(tokenAuth)).status).toBe(200);
    expectProblem(await request(t.app).post('/api/session').send({ id: 'leader.li', password: old }), 401);
    await t.signIn('leader.li', 'a new pass phrase 2');
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'change-password' } });
    expect(audit).toMatchObject({ actor: 'leader.li', authMethod: 'session' });
    expect(JSON.stringify(audit)).not.toMatch(/pass phrase|pass-phrase|scrypt/);
  });

  it('is refused to the bootstrap token, which is no user', async () => {
    const res = await request(t.app).post('/api/session/password').set(bearer).send({ currentPassword: 'x', newPassword: 'a new pass phrase 2' });
    expectProblem(res, 403);
    expect(res.body.detail).toMatch(/sign in as a user/);
  });
});

describe('POST /api/users/:id/disable (disableUser)', () => {
  it('stops a live session and a token at once, and sign-in too', async () => {
    const { browser, password } = await t.newUser({ id: 'officer.wang', role: 'officer', subjectId: 'o01' });
    const token = (await browser.post('/api/tokens', { name: 'phone', permissions: ['currentSession'] })).body.token as string;
    const tokenAuth = { Authorization: `Bearer ${token}` };
    await request(t.app).get('/api/session').set(tokenAuth).expect(200);
    const res = await request(t.app).post('/api/users/officer.wang/disable').set(bearer);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: 'officer.wang', disabledAt: t.clock.now.toISOString() }, endedSessions: 1, revokedTokens: 1 });
    expectProblem(await browser.get('/api/session'), 401);
    expectProblem(await request(t.app).get('/api/session').set(tokenAuth), 401);
    expectProblem(await request(t.app).post('/api/session').send({ id: 'officer.wang', password }), 401);
    expectProblem(await request(t.app).post('/api/users/officer.wang/invitations').set(bearer), 409);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: 'disable', entityId: 'officer.wang' } });
    expect(audit).toMatchObject({ actor: 'tester', role: 'bureau-staff', authMethod: 'bootstrap' });
  });

  it('re-checks the user on every request even when the token row was left alone', async () => {
    const { browser } = await t.newUser({ id: 'finance.zhao', role: 'finance' });
    const token = (await browser.post('/api/tokens', { name: 'ledger', permissions: ['currentSession'] })).body.token as string;
    await db.user.update({ where: { id: 'finance.zhao' }, data: { disabledAt: t.clock.now } });
    expectProblem(await request(t.app).get('/api/session').set('Authorization', `Bearer ${token}`), 401);
    expectProblem(await browser.get('/api/session'), 401);
  });
});

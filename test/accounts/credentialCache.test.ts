// With credentials cached (AUTH_CACHE_MS, as the service runs), what this process does to a
// credential acts on the very next request; a change behind its back acts once the entry expires.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { expectProblem } from '../api/harness.js';
import { freshSqlite } from '../support/db.js';
import { accountsApp, bearer, seedRegistry } from './setup.js';

let db: Db;
let t: ReturnType<typeof accountsApp>;

beforeAll(async () => {
  db = (await freshSqlite('accounts-credential-cache')).db;
  await seedRegistry(db);
  t = accountsApp(db, {}, undefined, 60_000);
});
afterAll(async () => db?.$disconnect());

describe('credentials cached for a minute', () => {
  it('refuses a signed-out session and a revoked token on the next request', async () => {
    const { browser } = await t.newUser({ id: 'leader.li', role: 'leader', subjectId: 'L01' });
    const created = await browser.post('/api/tokens', { name: 'script', permissions: ['currentSession'] });
    const auth = { Authorization: `Bearer ${created.body.token as string}` };
    expect((await request(t.app).get('/api/session').set(auth)).status).toBe(200);
    expect((await browser.get('/api/session')).status).toBe(200);
    expect((await browser.delete(`/api/tokens/${created.body.id as string}`)).status).toBe(204);
    expectProblem(await request(t.app).get('/api/session').set(auth), 401);
    expect((await browser.delete('/api/session')).status).toBe(204);
    expectProblem(await browser.get('/api/session'), 401);
  });

  it("refuses a disabled user's session and token on the next request", async () => {
    const { browser } = await t.newUser({ id: 'officer.wang', role: 'officer', subjectId: 'o01' });
    const created = await browser.post('/api/tokens', { name: 'phone', permissions: ['currentSession'] });
    const auth = { Authorization: `Bearer ${created.body.token as string}` };
    expect((await request(t.app).get('/api/session').set(auth)).status).toBe(200);
    expect((await request(t.app).post('/api/users/officer.wang/disable').set(bearer)).status).toBe(200);
    expectProblem(await request(t.app).get('/api/session').set(auth), 401);
    expectProblem(await browser.get('/api/session'), 401);
  });

  it('keeps a credential read within the time to live when another process disables its user', async () => {
    const { browser } = await t.newUser({ id: 'finance.zhao', role: 'finance' });
    expect((await browser.get('/api/session')).status).toBe(200);
    await db.user.update({ where: { id: 'finance.zhao' }, data: { disabledAt: t.clock.now } });
    expect((await browser.get('/api/session')).status).toBe(200);
    const uncached = accountsApp(db);
    expectProblem(await request(uncached.app).get('/api/session').set('Cookie', `cp_session=${browser.session}`), 401);
  });
});

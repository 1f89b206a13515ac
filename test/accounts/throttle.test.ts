// Abuse resistance: failed sign-ins and invitation acceptances are counted per name (or code) and
// per address; past the limit 429 with Retry-After, audited once per lock, each failure delayed.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { expectProblem } from '../api/harness.js';
import { freshSqlite } from '../support/db.js';
import { accountsApp, seedRegistry } from './setup.js';

let db: Db;
const password = 'the right pass phrase';

beforeAll(async () => {
  db = (await freshSqlite('accounts-throttle')).db;
  await seedRegistry(db);
  const t = accountsApp(db);
  const code = await t.invite({ id: 'dept.sun', role: 'department', subjectId: 'D01' });
  await t.accept(code, password).expect(200);
});
afterAll(async () => db?.$disconnect());

describe('sign-in throttling', () => {
  it('answers 429 with Retry-After after 5 failures for a name, even to the right password, until the window passes', async () => {
    const t = accountsApp(db, { trustProxy: true });
    const signIn = (pw: string, ip = '10.0.0.1') => request(t.app).post('/api/session').set('X-Forwarded-For', ip).send({ id: 'dept.sun', password: pw });
    for (let i = 0; i < 5; i++) expectProblem(await signIn(`guess number ${i}`), 401);
    const refused = await signIn(password);
    expectProblem(refused, 429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.body.detail).toMatch(/too many failed attempts for sign-in name dept.sun; try again in 900 s/);
    t.minutes(5);
    const again = await signIn(password, '10.9.9.9'); // another address: the name is still locked
    expectProblem(again, 429);
    expect(again.headers['retry-after']).toBe('600');
    const throttled = await db.auditEntry.findMany({ where: { action: 'sign-in-throttled' } });
    expect(throttled).toHaveLength(1); // once per lock
    expect(throttled[0]).toMatchObject({ actor: 'dept.sun', role: 'department', countyId: 'test-county', entity: 'User', entityId: 'dept.sun' });
    const failures = await db.auditEntry.findMany({ where: { action: 'sign-in-failed', actor: 'dept.sun' } });
    expect(failures).toHaveLength(5);
    expect(JSON.stringify([...failures, ...throttled])).not.toMatch(/guess number|right pass phrase/);
    t.minutes(10);
    expect((await signIn(password)).status).toBe(200);
  });

  it('limits failures per address across names (SIGN_IN_MAX_FAILURES_PER_IP, 20 by default)', async () => {
    const t = accountsApp(db, { trustProxy: true, maxFailuresPerIp: 6 });
    const from = (id: string) => request(t.app).post('/api/session').set('X-Forwarded-For', '203.0.113.7').send({ id, password: 'some guess here' });
    for (let i = 0; i < 6; i++) expectProblem(await from(`name${i}`), 401);
    const refused = await from('dept.sun');
    expectProblem(refused, 429);
    expect(refused.body.detail).toMatch(/from this address/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    const other = await request(t.app).post('/api/session').set('X-Forwarded-For', '198.51.100.1').send({ id: 'dept.sun', password });
    expect(other.status).toBe(200);
    const row = await db.auditEntry.findFirstOrThrow({
      where: { action: 'sign-in-throttled', actor: 'dept.sun', after: { not: undefined } },
      orderBy: { id: 'desc' },
    });
    expect(row.after).toMatchObject({ by: 'address', address: '203.0.113.7' });
  });

  it('delays each failure by the configured time', async () => {
    const t = accountsApp(db, { failureDelayMs: 300 });
    const started = Date.now();
    expectProblem(await request(t.app).post('/api/session').send({ id: 'dept.sun', password: 'a wrong pass phrase' }), 401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});

describe('invitation acceptance throttling', () => {
  it('answers 429 after repeated failures with one code and audits without the code', async () => {
    const t = accountsApp(db);
    const code = await t.invite({ id: 'fin.qian', role: 'finance' });
    await t.accept(code, password).expect(200); // used: from now on every try fails
    for (let i = 0; i < 5; i++) expectProblem(await t.accept(code, password), 422, { pointer: '/code' });
    const refused = await t.accept(code, password);
    expectProblem(refused, 429);
    expect(refused.headers['retry-after']).toBe('900');
    const rows = await db.auditEntry.findMany({ where: { action: { in: ['invitation-failed', 'invitation-throttled'] } } });
    expect(rows.map((r) => r.action)).toEqual([...Array(5).fill('invitation-failed'), 'invitation-throttled']);
    expect(rows[0]).toMatchObject({ actor: 'fin.qian', entity: 'Invitation' });
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(await db.auditEntry.findMany())).not.toContain(password);
  });

  it('counts unknown codes per address', async () => {
    const t = accountsApp(db, { maxFailuresPerIp: 3 });
    for (let i = 0; i < 3; i++) expectProblem(await t.accept(`made-up-code-${i}`, password), 422, { pointer: '/code' });
    expectProblem(await t.accept('made-up-code-9', password), 429);
    expect(await db.auditEntry.count({ where: { action: 'invitation-failed', actor: 'anonymous' } })).toBe(3);
  });
});

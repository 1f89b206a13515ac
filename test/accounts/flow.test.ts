// As a new user would: the bureau invites, the user accepts, signs in and acts; the audit names
// them. And the operator's CLI invites a province reader and the first staff of a new county.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsCli } from '../../src/accounts/cli.js';
import type { Db } from '../../src/db/client.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { accountsApp, seedRegistry, sha256 } from './setup.js';

let tdb: TestDb;
let db: Db;

beforeAll(async () => {
  tdb = await freshSqlite('accounts-flow');
  db = tdb.db;
  await seedRegistry(db);
});
afterAll(async () => db?.$disconnect());

describe('invite → accept → sign in → act', () => {
  it('lets an invited officer set a password, sign in, mint a token and use it, each step audited as them', async () => {
    const t = accountsApp(db);
    const code = await t.invite({ id: 'officer.wang', displayName: '王警官', role: 'officer', subjectId: 'o01' });
    await t.accept(code, 'my own pass phrase').expect(200);
    const { browser } = await t.signIn('officer.wang', 'my own pass phrase');
    const me = await browser.get('/api/session');
    expect(me.body).toMatchObject({ user: { displayName: '王警官' }, role: 'officer', subjectId: 'o01', countyId: 'test-county', method: 'session' });
    const minted = await browser.post('/api/tokens', { name: 'phone', permissions: ['listCounties'] });
    expect(minted.status).toBe(201);
    const counties = await request(t.app).get('/api/counties').set('Authorization', `Bearer ${minted.body.token}`);
    expect(counties.body.map((c: { id: string }) => c.id)).toEqual(['test-county']);
    await browser.delete('/api/session').expect(204);
    const rows = await db.auditEntry.findMany({ where: { actor: 'officer.wang' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.role, r.countyId, r.authMethod])).toEqual([
      ['accept-invitation', 'officer', 'test-county', 'invitation'],
      ['sign-in', 'officer', 'test-county', 'session'],
      ['create', 'officer', 'test-county', 'session'],
      ['sign-out', 'officer', 'test-county', 'session'],
    ]);
    expect(rows[1]!.credentialId).toBe(sha256(browser.session));
  });
});

describe('npm run accounts -- invite', () => {
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await accountsCli(args, {
      databaseUrl: tdb.url,
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      now: () => new Date('2026-03-15T08:00:00Z'),
    });
    return { code, out, err };
  };

  it('invites a province reader, who then reads every county', async () => {
    const r = await run('invite', '--role', 'province-reader', '--id', 'prov.zhou', '--name', '省厅周');
    expect(r.code).toBe(0);
    const code = r.out.at(-1)!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.out[0]).toBe('Invited prov.zhou (province-reader, province).');
    const t = accountsApp(db);
    await t.accept(code, 'province pass phrase').expect(200);
    const { browser, res } = await t.signIn('prov.zhou', 'province pass phrase');
    expect(res.body).toMatchObject({ role: 'province-reader', countyId: null });
    expect((await browser.get('/api/counties')).body).toHaveLength(2);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entity: 'User', entityId: 'prov.zhou', action: 'create' } });
    expect(audit).toMatchObject({ actor: 'system:accounts-cli', authMethod: 'system' });
  });

  it('creates a new county with its first staff, who can then invite there', async () => {
    expect((await run('invite', '--county', 'new-county', '--role', 'bureau-staff', '--id', 'staff.new', '--name', '新县局')).err.join()).toMatch(
      /--county: county new-county does not exist \(add --county-name/,
    );
    const r = await run('invite', '--county', 'new-county', '--county-name', '新县公安局', '--role', 'bureau-staff', '--id', 'staff.new', '--name', '新县局');
    expect(r.code).toBe(0);
    expect(await db.county.findUnique({ where: { id: 'new-county' } })).toMatchObject({ name: '新县公安局' });
    const t = accountsApp(db);
    await t.accept(r.out.at(-1)!, 'new staff pass phrase').expect(200);
    const { browser } = await t.signIn('staff.new', 'new staff pass phrase');
    const invited = await browser.post('/api/users', { id: 'fin.new', displayName: '财务', role: 'finance' });
    expect(invited.status).toBe(201);
    expect(invited.body.user.countyId).toBe('new-county');
  });

  it('refuses bad arguments with exit code 2 and usage', async () => {
    expect((await run('invite', '--role', 'leader', '--id', 'x', '--name', 'x')).err.join()).toMatch(/--county is required/);
    expect((await run('invite', '--county', 'test-county', '--role', 'leader', '--id', 'x', '--name', 'x')).err.join()).toMatch(/--subject:/);
    expect((await run('invite', '--county', 'test-county', '--role', 'boss', '--id', 'x', '--name', 'x')).code).toBe(2);
    expect((await run('frobnicate', '--id', 'x')).code).toBe(2);
    const reissued = await run('reissue', '--id', 'staff.new');
    expect(reissued.code).toBe(0);
  });
});

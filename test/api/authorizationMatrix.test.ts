// The authorization matrix, generated from the route table: every operation, called by every role
// about its own object, another person's in the same county and another county's, answers as
// expectedStatus says, on the real app over a real SQLite file. A refusal writes no audit row; a
// list shows exactly what is within the caller's reach. The rows (how to ask) are in
// authorizationMatrix.fixtures.ts: an operation without one fails here.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIds, routeTable, type OperationId } from '../../src/api/access/routeTable.js';
import { roles, type Role } from '../../src/contracts/roles.js';
import { hashToken } from '../../src/db/api-users.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { tokenFor } from '../support/users.js';
import { actingUser, buildWorld, type World } from '../support/world.js';
import { at, cases, expectedListed, expectedStatus, fixtures, tokensOf, type Expected, type FixtureContext, type Req } from './authorizationMatrix.fixtures.js';
import { harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
let w: World;
const tokens = new Map<Role, string>();

beforeAll(async () => {
  t = await freshSqlite('authorization-matrix');
  h = await harness(t.db);
  w = await buildWorld(t.db);
  // A token of every user of the world: county A's first users act, the others own what is someone else's.
  for (const x of ['a', 'b'] as const)
    for (const role of roles)
      for (const i of [1, 2] as const) {
        const user = actingUser(role, x, i);
        if (role === 'province-reader' && (x === 'b' || i === 2)) continue;
        const token = await tokenFor(t.db, user);
        const row = await t.db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
        tokensOf.set(user.id, row.id);
        if (x === 'a' && i === 1) tokens.set(role, token);
      }
});
afterAll(() => t?.drop());

function send(method: string, req: Req, token?: string) {
  let r = (request(h.app) as unknown as Record<string, (path: string) => request.Test>)[method]!(req.path);
  if (token) r = r.set('Authorization', `Bearer ${token}`);
  if (req.type) r = r.type(req.type);
  return req.body === undefined ? r : r.send(req.body);
}

function meets(expected: Expected, res: { status: number; body: { detail?: string } }): boolean {
  // A 404 from a path no route serves is a missing route, not an object check.
  if (res.status === 404 && res.body?.detail?.startsWith('no route for')) return false;
  if (expected === 'success') return res.status >= 200 && res.status < 300;
  if (typeof expected === 'string' && expected.startsWith('refused:/')) {
    return (res.status === 403 || res.status === 422) && (res.body?.detail ?? '').includes(expected.slice('refused:/'.length));
  }
  // Past the role check: not the central refusal ("a user with role … may not …"), whatever the operation then answered a token caller.
  if (expected === 'allowed') return res.status < 500 && !(res.status === 403 && /may not/.test(res.body?.detail ?? ''));
  return res.status === expected;
}

/** Fails listing every wrong cell (an assertion message would be cut short). */
function expectNone(wrong: string[]) {
  if (wrong.length) throw new Error(`${wrong.length} cell(s) answered otherwise:\n${wrong.join('\n')}`);
}

const context = (role: Role): FixtureContext => ({
  db: t.db,
  w,
  role,
  userId: actingUser(role, 'a').id,
  newToken: () => tokenFor(t.db, actingUser(role, 'a')),
});

const tableOps = operationIds.filter((id) => routeTable[id].access !== 'anyone') as (keyof typeof fixtures)[];

describe('the authorization matrix', () => {
  it('has a row for every operation of the route table', () => {
    expect(tableOps.filter((id) => !fixtures[id])).toEqual([]);
    expect(Object.keys(fixtures).filter((id) => !operationIds.includes(id as OperationId))).toEqual([]);
  });

  for (const id of tableOps) {
    const { method, path } = routeTable[id];
    it(`${id}: ${method.toUpperCase()} /api${path}`, async () => {
      const fixture = fixtures[id];
      const wrong: string[] = [];
      for (const role of roles)
        for (const c of cases) {
          const a = at(c, context(role));
          const req = await fixture.request(a);
          if (!req) continue;
          const expected = expectedStatus(id, role, c);
          const audit = await t.db.auditEntry.count();
          const res = await send(method, req, req.token ?? tokens.get(role));
          const cell = `${role} / ${c}: ${method.toUpperCase()} ${req.path}`;
          if (!meets(expected, res)) {
            wrong.push(`${cell}: expected ${expected}, got ${res.status} ${res.body?.detail ?? ''}`.trim());
            continue;
          }
          if (res.status >= 400 && (await t.db.auditEntry.count()) !== audit) wrong.push(`${cell}: refused with ${res.status} but wrote an audit row`);
          // A list: the case's object is shown exactly when it is within reach (match gives undefined where the caller has no such object).
          const listed = fixture.listed;
          if (listed && expected === 'success' && listed.match({}, a) !== undefined) {
            const rows: unknown = listed.rows ? listed.rows(res.body) : res.body;
            if (!Array.isArray(rows)) wrong.push(`${cell}: expected a list, got ${JSON.stringify(res.body).slice(0, 120)}`);
            else if (rows.some((r) => listed.match(r, a)) !== expectedListed(id, role, c)) {
              wrong.push(`${cell}: the case's object should ${expectedListed(id, role, c) ? '' : 'not '}be listed`);
            }
          }
        }
      expectNone(wrong);
    });
  }

  it('lets a province reader read and nothing else: no write of the table reaches every county', () => {
    const writes = tableOps.filter((id) => routeTable[id].method !== 'get');
    expect(writes.filter((id) => (routeTable[id].access as Partial<Record<Role, string>>)['province-reader'] === 'county')).toEqual([]);
  });

  it('answers 401 to every operation but signing in when nobody is signed in', async () => {
    const wrong: string[] = [];
    for (const id of tableOps) {
      const role = roles.find((r) => (routeTable[id].access as Partial<Record<Role, string>>)[r])!;
      const req = await fixtures[id].request(at('own', context(role)));
      if (!req) continue;
      const res = await send(routeTable[id].method, req);
      if (res.status !== 401) wrong.push(`${id}: ${res.status}`);
    }
    expectNone(wrong);
  });

  it('serves signing in and accepting an invitation to anyone', async () => {
    const signIn = await send('post', { path: '/api/session', body: { userId: 'a:leader', password: 'not-the-password' } });
    const accept = await send('post', { path: '/api/invitations/acceptance', body: { code: 'not-a-code', password: 'a-new-password-2026' } });
    for (const res of [signIn, accept]) {
      expect(res.body?.detail ?? '').not.toMatch(/^no route for/);
      expect([403, 500]).not.toContain(res.status);
    }
  });
});

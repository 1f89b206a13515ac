// An app on a real SQLite file with a clock the test moves, and helpers to invite, accept and
// sign in over HTTP, keeping the cookies a browser would.
import { createHash } from 'node:crypto';
import request from 'supertest';
import type { AccountsOptions } from '../../src/accounts/options.js';
import { createApp } from '../../src/api/app.js';
import { createApiUser } from '../../src/db/api-users.js';
import type { Db } from '../../src/db/client.js';
import { RecordingCycles, RecordingLogger, RecordingSignals, token } from '../api/harness.js';
import { ensureCounty, testCounty } from '../support/users.js';

export const otherCounty = 'other-county';
export const bearer = { Authorization: `Bearer ${token}` };

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The registry both counties need: a leader, an officer, a department and a station each. */
export async function seedRegistry(db: Db): Promise<void> {
  for (const [countyId, n] of [
    [testCounty, '01'],
    [otherCounty, '09'],
  ] as const) {
    await ensureCounty(db, countyId);
    await db.leader.create({ data: { id: `L${n}`, countyId, name: `领导${n}` } });
    await db.officer.create({ data: { id: `o${n}`, countyId, name: `民警${n}` } });
    await db.department.create({ data: { id: `D${n}`, countyId, name: `部门${n}` } });
    await db.station.create({ data: { id: `S${n}`, countyId, name: `派出所${n}` } });
  }
  if (!(await db.apiUser.findUnique({ where: { id: 'tester' } }))) await createApiUser(db, { id: 'tester', name: 'Test clerk', token, countyId: testCounty });
}

export function accountsApp(db: Db, options: Partial<AccountsOptions> = {}, start = '2026-03-15T08:00:00Z', authCacheMs = 0) {
  const clock = { now: new Date(start) };
  const app = createApp({
    db,
    cycles: new RecordingCycles(),
    signals: new RecordingSignals(),
    logger: new RecordingLogger(),
    clock: () => clock.now,
    accounts: { failureDelayMs: 1, ...options },
    authCacheMs,
  });
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  const minutes = (n: number) => advance(n * 60_000);

  /** Invites as the bootstrap clerk; returns the one-time code. */
  async function invite(body: { id: string; displayName?: string; role: string; subjectId?: string }): Promise<string> {
    const res = await request(app)
      .post('/api/users')
      .set(bearer)
      .send({ displayName: body.id, ...body });
    if (res.status !== 201) throw new Error(`invite ${body.id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.invitation.code as string;
  }

  const accept = (code: string, password: string) => request(app).post('/api/invitations/acceptance').send({ code, password });

  /** Signs in; `browser` holds its cookies and sends the CSRF header on writes. */
  async function signIn(id: string, password: string, cookie?: string) {
    const req = request(app).post('/api/session').send({ id, password });
    const res = await (cookie ? req.set('Cookie', `cp_session=${cookie}`) : req);
    if (res.status !== 200) throw new Error(`sign in ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    const cookies = setCookies(res.headers['set-cookie']);
    return { res, browser: browser(cookies.cp_session!.value, res.body.csrfToken as string), cookies };
  }

  function browser(session: string, csrf: string) {
    const jar = `cp_session=${session}; cp_csrf=${csrf}`;
    return {
      session,
      csrf,
      get: (path: string) => request(app).get(path).set('Cookie', jar),
      post: (path: string, body: object = {}, withCsrf = true) => {
        const r = request(app).post(path).set('Cookie', jar);
        return (withCsrf ? r.set('X-CSRF-Token', csrf) : r).send(body);
      },
      delete: (path: string, withCsrf = true) => {
        const r = request(app).delete(path).set('Cookie', jar);
        return withCsrf ? r.set('X-CSRF-Token', csrf) : r;
      },
    };
  }

  /** Invite, accept, sign in. */
  async function newUser(user: { id: string; role: string; subjectId?: string }, password = `${user.id}-pass-phrase-1`) {
    const code = await invite(user);
    const accepted = await accept(code, password);
    if (accepted.status !== 200) throw new Error(`accept ${user.id}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return { password, ...(await signIn(user.id, password)) };
  }

  return { app, clock, advance, minutes, invite, accept, signIn, browser, newUser, bearerApi: () => request(app) };
}

export interface SetCookie {
  value: string;
  attributes: string[];
  raw: string;
}

export function setCookies(header: string[] | string | undefined): Record<string, SetCookie> {
  const list = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return Object.fromEntries(
    list.map((raw) => {
      const [pair, ...attributes] = raw.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      return [pair!.slice(0, eq), { value: decodeURIComponent(pair!.slice(eq + 1)), attributes, raw }];
    }),
  );
}

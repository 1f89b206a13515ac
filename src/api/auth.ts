// Finds who is calling: a personal access token or the bootstrap bureau token (Authorization:
// Bearer), or a session cookie. Nobody found leaves the request anonymous; the route table's check
// then answers 401 for everything but sign-in. A session cookie that has ended, or a cookie-signed
// write without the CSRF header, also leaves the request anonymous but remembers why: sign-in
// still works, and every other operation answers with that reason (principalOf).
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { defaultAccountsOptions, touchEveryMs, type AccountsOptions } from '../accounts/options.js';
import { csrfHeader, liveSession, sessionCookie } from '../accounts/sessions.js';
import type { Role } from '../contracts/roles.js';
import { hashToken } from '../db/api-users.js';
import type { Db } from '../db/client.js';
import type { Principal } from './access/principal.js';
import { CredentialCache } from './credentialCache.js';
import { Problem } from './problem.js';

/** Personal access tokens start so, which keeps them apart from the bootstrap token and findable by secret scanners. */
export const accessTokenPrefix = 'cpat_';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(
  db: Db,
  now: () => Date,
  options: AccountsOptions = defaultAccountsOptions,
  cache: CredentialCache = new CredentialCache(0),
): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (!token) throw new Problem(401, 'send Authorization: Bearer <token>');
      res.locals.principal = await (token.startsWith(accessTokenPrefix) ? byAccessToken(db, cache, token, now()) : byBootstrapToken(db, cache, token));
      return next();
    }
    const cookie = cookieOf(req, sessionCookie);
    if (cookie !== undefined) {
      const found = await bySession(db, cache, cookie, now(), options);
      if (found instanceof Problem) res.locals.authProblem = found;
      else if (!safeMethods.has(req.method) && !csrfMatches(req.get(csrfHeader), found.csrfHash)) {
        res.locals.authProblem = Problem.field(403, {
          parameter: csrfHeader,
          message: `a write signed in by cookie needs the header ${csrfHeader}: the csrfToken sign-in answered (also in the cp_csrf cookie)`,
        });
      } else res.locals.principal = found.principal;
    }
    next();
  };
}

/** One cookie of the request's Cookie header, undefined when absent. */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return value || undefined;
      }
    }
  }
  return undefined;
}

function csrfMatches(given: string | undefined, storedHash: string): boolean {
  if (!given) return false;
  const a = Buffer.from(hashToken(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A user row, through the cache under the credential that named it. */
function userOf(db: Db, cache: CredentialCache, credentialKey: string, userId: string) {
  return cache.get(
    `${credentialKey}:user`,
    () => db.user.findUnique({ where: { id: userId } }),
    (u) => u?.id,
  );
}

async function bySession(
  db: Db,
  cache: CredentialCache,
  cookie: string,
  at: Date,
  options: AccountsOptions,
): Promise<Problem | { principal: Principal; csrfHash: string }> {
  const found = await liveSession(db, cookie, at, options, (id) =>
    cache.get(
      `session:${id}`,
      () => db.session.findUnique({ where: { id } }),
      (s) => (s && !s.endedAt ? s.userId : undefined),
    ),
  );
  if (!found.ok) {
    // An expired or idle session has just been ended in the database; its cached row has not.
    cache.forget(`session:${hashToken(cookie)}`);
    return new Problem(401, found.reason);
  }
  const { session } = found;
  const user = await userOf(db, cache, `session:${session.id}`, session.userId);
  if (!user || user.disabledAt) return new Problem(401, 'the session belongs to a disabled user');
  return {
    csrfHash: session.csrfHash,
    principal: {
      userId: user.id,
      role: user.role as Role,
      countyId: user.countyId,
      subjectId: user.subjectId,
      auth: { method: 'session', credentialId: session.id },
    },
  };
}

async function byBootstrapToken(db: Db, cache: CredentialCache, token: string): Promise<Principal> {
  const tokenHash = hashToken(token);
  const user = await cache.get(
    `bootstrap:${tokenHash}`,
    () => db.apiUser.findUnique({ where: { tokenHash } }),
    (u) => u?.id,
  );
  if (!user) throw new Problem(401, 'the bearer token is not valid');
  return { userId: user.id, role: 'bureau-staff', countyId: user.countyId, subjectId: null, auth: { method: 'bootstrap', credentialId: user.id } };
}

async function byAccessToken(db: Db, cache: CredentialCache, token: string, at: Date): Promise<Principal> {
  const tokenHash = hashToken(token);
  const key = `token:${tokenHash}`;
  const row = await cache.get(
    key,
    () => db.accessToken.findUnique({ where: { tokenHash } }),
    (r) => (r && !r.revokedAt ? r.userId : undefined),
  );
  if (!row || row.revokedAt) throw new Problem(401, 'the access token is not valid or has been revoked');
  if (row.expiresAt <= at) throw new Problem(401, `the access token expired at ${row.expiresAt.toISOString()}`);
  const user = await userOf(db, cache, key, row.userId);
  if (!user || user.disabledAt) throw new Problem(401, 'the access token belongs to a disabled user');
  // Like a session's lastSeenAt: a script calling in a loop costs no write per request.
  if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= touchEveryMs) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: at } });
    row.lastUsedAt = at;
  }
  return {
    userId: user.id,
    role: user.role as Role,
    countyId: user.countyId,
    subjectId: user.subjectId,
    auth: { method: 'token', credentialId: row.id },
    permissions: row.permissions as string[],
  };
}

// Finds who is calling: a personal access token or the bootstrap bureau token (Authorization:
// Bearer), or a session cookie. Nobody found leaves the request anonymous; the route table's check
// then answers 401 for everything but sign-in.
import type { RequestHandler } from 'express';
import type { Role } from '../contracts/roles.js';
import { hashToken } from '../db/api-users.js';
import type { Db } from '../db/client.js';
import type { Principal } from './access/principal.js';
import { Problem } from './problem.js';

/** Personal access tokens start so, which keeps them apart from the bootstrap token and findable by secret scanners. */
export const accessTokenPrefix = 'cpat_';

export function authenticate(db: Db, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
      if (!token) throw new Problem(401, 'send Authorization: Bearer <token>');
      res.locals.principal = await (token.startsWith(accessTokenPrefix) ? byAccessToken(db, token, now()) : byBootstrapToken(db, token));
    }
    next();
  };
}

async function byBootstrapToken(db: Db, token: string): Promise<Principal> {
  const user = await db.apiUser.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!user) throw new Problem(401, 'the bearer token is not valid');
  return { userId: user.id, role: 'bureau-staff', countyId: user.countyId, subjectId: null, auth: { method: 'bootstrap', credentialId: user.id } };
}

async function byAccessToken(db: Db, token: string, at: Date): Promise<Principal> {
  const row = await db.accessToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) throw new Problem(401, 'the access token is not valid or has been revoked');
  if (row.expiresAt <= at) throw new Problem(401, `the access token expired at ${row.expiresAt.toISOString()}`);
  const user = await db.user.findUnique({ where: { id: row.userId } });
  if (!user || user.disabledAt) throw new Problem(401, 'the access token belongs to a disabled user');
  await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: at } });
  return {
    userId: user.id,
    role: user.role as Role,
    countyId: user.countyId,
    subjectId: user.subjectId,
    auth: { method: 'token', credentialId: row.id },
    permissions: row.permissions as string[],
  };
}

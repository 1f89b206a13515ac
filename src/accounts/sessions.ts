// Browser sessions. The cookie carries 32 random bytes; the database keeps only their sha256 as
// Session.id (and that of the CSRF token), so a read of the database signs nobody in.
import { randomBytes } from 'node:crypto';
import { hashToken } from '../db/api-users.js';
import type { Tx } from '../db/audit.js';
import type { Db } from '../db/client.js';
import { touchEveryMs, type AccountsOptions } from './options.js';

export const sessionCookie = 'cp_session';
export const csrfCookie = 'cp_csrf';
export const csrfHeader = 'X-CSRF-Token';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface NewSession {
  id: string;
  cookie: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(tx: Tx, userId: string, at: Date, options: AccountsOptions): Promise<NewSession> {
  const cookie = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(at.getTime() + options.sessionAbsoluteHours * 3_600_000);
  const id = hashToken(cookie);
  await tx.session.create({ data: { id, userId, csrfHash: hashToken(csrfToken), createdAt: at, lastSeenAt: at, expiresAt } });
  return { id, cookie, csrfToken, expiresAt };
}

/** Ends the user's live sessions (all, or all but one); returns how many. */
export async function endSessions(tx: Tx, userId: string, at: Date, reason: string, except?: string): Promise<number> {
  const { count } = await tx.session.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: at, endReason: reason },
  });
  return count;
}

export type SessionLookup =
  { ok: true; session: { id: string; userId: string; csrfHash: string; expiresAt: Date; lastSeenAt: Date } } | { ok: false; reason: string };

type SessionRow = NonNullable<Awaited<ReturnType<Db['session']['findUnique']>>>;

/**
 * The live session a cookie names, its idle clock moved on; or why there is none. `read` may
 * answer from a cache: the row it gives is moved on too.
 */
export async function liveSession(
  db: Db,
  cookie: string,
  at: Date,
  options: AccountsOptions,
  read: (id: string) => Promise<SessionRow | null> = (id) => db.session.findUnique({ where: { id } }),
): Promise<SessionLookup> {
  const session = await read(hashToken(cookie));
  if (!session) return { ok: false, reason: 'the session cookie is not valid; sign in again' };
  if (session.endedAt) return { ok: false, reason: `the session has ended (${session.endReason ?? 'ended'}); sign in again` };
  const idleSince = at.getTime() - session.lastSeenAt.getTime();
  const ended = (reason: string, detail: string) =>
    db.session.update({ where: { id: session.id }, data: { endedAt: at, endReason: reason } }).then(() => ({ ok: false as const, reason: detail }));
  if (session.expiresAt <= at) {
    return ended('expired', `the session expired ${options.sessionAbsoluteHours} h after sign-in; sign in again`);
  }
  if (idleSince >= options.sessionIdleMinutes * 60_000) {
    return ended('idle', `the session ended after ${options.sessionIdleMinutes} min without use; sign in again`);
  }
  if (idleSince >= touchEveryMs) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: at } });
    session.lastSeenAt = at;
  }
  return { ok: true, session };
}

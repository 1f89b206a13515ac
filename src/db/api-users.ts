// API users authenticate with bearer tokens stored only as sha256 hashes, so a leaked
// database does not leak tokens.
import { createHash } from 'node:crypto';
import { audited, type Tx } from './audit.js';
import type { Db } from './client.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The bootstrap token: bureau staff of one county, for the first sign-in. */
export interface NewApiUser {
  id: string;
  name: string;
  token: string;
  countyId: string;
}

/** Inside a caller's transaction. */
export async function insertApiUser(tx: Tx, user: NewApiUser, actor: string): Promise<void> {
  await tx.apiUser.create({ data: { id: user.id, name: user.name, tokenHash: hashToken(user.token), countyId: user.countyId } });
  await audited(tx, actor, { action: 'create', entity: 'ApiUser', entityId: user.id, after: { id: user.id, name: user.name } });
}

export async function createApiUser(db: Db, user: NewApiUser, actor = 'system'): Promise<void> {
  await db.$transaction((tx) => insertApiUser(tx, user, actor));
}

// The caller of a request as authentication found them. The actor of every write comes from here,
// never from the request body.
import type { Response } from 'express';
import type { Role } from '../../contracts/roles.js';
import type { AuditActor } from '../../db/audit.js';
import { Problem } from '../problem.js';

export type AuthMethod = 'session' | 'token' | 'bootstrap';

export interface Principal {
  /** A User id, or the bootstrap token's ApiUser id. */
  userId: string;
  role: Role;
  /** Null for a province reader, who reads every county. */
  countyId: string | null;
  /** The officer, leader, department or station the user is; null for the other roles. */
  subjectId: string | null;
  auth: { method: AuthMethod; credentialId: string };
  /** A personal access token's operation ids; undefined: every operation of the role. */
  permissions?: readonly string[];
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  // authenticate leaves why a cookie did not sign the request in (ended session, missing CSRF header).
  if (!p) throw (res.locals.authProblem as Problem | undefined) ?? new Problem(401, 'sign in, or send Authorization: Bearer <token>');
  return p;
}

/** Who the audit rows of this request name. */
export function actorOf(res: Response): AuditActor {
  const p = principalOf(res);
  return { id: p.userId, countyId: p.countyId, role: p.role, authMethod: p.auth.method, credentialId: p.auth.credentialId };
}

/** A Prisma `where` fragment limiting rows to what the caller's county may see (all, for a province reader). */
export function countyScope(res: Response): { countyId?: string } {
  const { countyId } = principalOf(res);
  return countyId === null ? {} : { countyId };
}

/** The county the caller writes into; roles without one (province readers) never reach a write. */
export function countyOf(res: Response): string {
  const { countyId } = principalOf(res);
  if (countyId === null) throw new Problem(403, 'a province reader writes nothing');
  return countyId;
}

/** Whether a row of `countyId` is visible to the caller; rows of other counties answer 404. */
export function seesCounty(res: Response, countyId: string): boolean {
  const p = principalOf(res);
  return p.countyId === null || p.countyId === countyId;
}

// What counts as an officer's own among the cycles' results and the money: the evaluations of the
// offices they are or were bound to, the decisions that name them and the obligations that pay
// them. Routes use these for reach `own`; anything else answers 404.
import type { Tx } from '../../db/audit.js';
import { payeesOf } from '../../db/obligations.js';

/** The communities the officer has ever been bound to: their office's evaluations. */
export async function officerCommunities(db: Tx, officerId: string): Promise<string[]> {
  const rows = await db.binding.findMany({ where: { subjectType: 'officer', subjectId: officerId }, select: { communityId: true }, distinct: ['communityId'] });
  return rows.map((r) => r.communityId);
}

/** A decision names the officer when it is about them or lists them among its officers. */
export function namesOfficer(d: { subjectId: string; officers: unknown }, officerId: string): boolean {
  return d.subjectId === officerId || (Array.isArray(d.officers) && d.officers.includes(officerId));
}

/**
 * The ids of the decisions of a county that name the officer. Decisions name officers about
 * themselves or about an office they were bound to, so only those are read; JSON array filters
 * differ between SQLite and PostgreSQL, hence the check here rather than in the query.
 */
export async function decisionsNaming(db: Tx, scope: { countyId?: string }, officerId: string): Promise<string[]> {
  const communities = await officerCommunities(db, officerId);
  const rows = await db.decision.findMany({
    where: { ...scope, subjectId: { in: [officerId, ...communities] } },
    select: { id: true, subjectId: true, officers: true },
  });
  return rows.filter((d) => namesOfficer(d, officerId)).map((d) => d.id);
}

/** The obligations whose payee is the officer: paid to them, or to an office whose decision names them. */
export async function obligationsPaying(db: Tx, scope: { countyId?: string }, officerId: string) {
  const decisions = await decisionsNaming(db, scope, officerId);
  return {
    OR: [
      { payeeType: 'officer', payeeId: officerId },
      { payeeType: { not: 'officer' }, decisionId: { in: decisions } },
    ],
  };
}

export async function paysOfficer(db: Tx, o: { payeeType: string; payeeId: string; decisionId: string }, officerId: string): Promise<boolean> {
  return officerId !== '' && (await payeesOf(db, o)).includes(officerId);
}

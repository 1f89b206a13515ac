// Rural reassignments between the decision and the bureau's word: the pending rows and the flag
// that registry and result reads carry for their office.
import { actorIn, audited, type AuditActor, type Tx } from './audit.js';

export interface ProposedReassignment {
  /** The county of the decision's cycle. */
  countyId: string;
  decisionId: string;
  cycleId: string;
  communityId: string;
  officers: string[];
  /** The day the cycle decided it: a confirmation may not take effect before. */
  decidedOn: string;
}

/**
 * Records a decided reassignment as pending, once per decision (keyed on its id); a workflow's actor
 * (`system:<workflow id>`) is audited in the reassignment's county.
 */
export async function proposeReassignment(tx: Tx, actor: AuditActor | string, r: ProposedReassignment): Promise<void> {
  if (await tx.reassignment.findUnique({ where: { decisionId: r.decisionId } })) return;
  const row = await tx.reassignment.create({ data: { ...r, status: 'pending' } });
  await audited(tx, actorIn(actor, r.countyId), { action: 'create', entity: 'Reassignment', entityId: row.id, after: row });
}

/** The decision behind a reassignment, when an appeal's re-decision replaced it: nothing is left to carry out. */
export async function supersededDecisionOf(tx: Tx, decisionId: string) {
  return tx.decision.findFirst({ where: { id: decisionId, supersededAt: { not: null } }, select: { id: true, supersededBy: true, supersededByAppeal: true } });
}

/**
 * The communities among `ids` with a reassignment the bureau has not yet confirmed or overruled,
 * whose decision still stands (one replaced on appeal waits for nothing).
 */
async function pendingReassignmentOf(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.reassignment.findMany({ where: { status: 'pending', communityId: { in: ids } }, select: { communityId: true, decisionId: true } });
  // Mostly none is pending: then no query for their decisions.
  if (!rows.length) return new Set();
  const replaced = await tx.decision.findMany({ where: { id: { in: rows.map((r) => r.decisionId) }, supersededAt: { not: null } }, select: { id: true } });
  const gone = new Set(replaced.map((d) => d.id));
  return new Set(rows.filter((r) => !gone.has(r.decisionId)).map((r) => r.communityId));
}

/** Adds `pendingReassignment` to rows that name their office in `key`. */
export async function withPendingFlag<T extends object>(tx: Tx, rows: T[], key: (row: T) => string): Promise<(T & { pendingReassignment: boolean })[]> {
  const pending = await pendingReassignmentOf(tx, [...new Set(rows.map(key))]);
  return rows.map((r) => ({ ...r, pendingReassignment: pending.has(key(r)) }));
}

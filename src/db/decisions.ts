// Decisions are written once, under their natural id (cycle/kind/subject), with their audit row.
import type { Prisma } from '../generated/sqlite/index.js';
import { audited, type AuditActor, type Tx } from './audit.js';

/** Records a decision and audits it; false, writing nothing, when it is already recorded (a retry). */
export async function recordDecision(tx: Tx, actor: AuditActor | string, row: Prisma.DecisionUncheckedCreateInput & { id: string }): Promise<boolean> {
  if (await tx.decision.findUnique({ where: { id: row.id } })) return false;
  await tx.decision.create({ data: row });
  await audited(tx, actor, { action: 'create', entity: 'Decision', entityId: row.id, after: row });
  return true;
}

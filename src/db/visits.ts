// Visits stored as the API logs them: the rows and their audit entries in the caller's transaction.
// One at a time from the API; the fault tests store thousands through the same statements.
import type { Prisma } from '../generated/sqlite/index.js';
import { auditedMany, type AuditActor, type Tx } from './audit.js';

export async function recordVisits(tx: Tx, actor: AuditActor, data: Prisma.VisitCreateManyInput[]) {
  const rows = await tx.visit.createManyAndReturn({ data });
  await auditedMany(
    tx,
    actor,
    rows.map((row) => ({ action: 'create', entity: 'Visit', entityId: row.id, after: row })),
  );
  return rows;
}

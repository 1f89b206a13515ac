// Every write leaves an append-only AuditEntry in the same transaction as the change, so a
// rolled-back request leaves no trace and a committed one always names who made it.
import type { Prisma } from '../generated/sqlite/index.js';

/** A Prisma client or the client of an interactive transaction (a Db is one too). */
export type Tx = Prisma.TransactionClient;

export type AuditAction = 'create' | 'update' | 'delete' | 'start' | (string & {});

export interface AuditChange {
  action: AuditAction;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Records one change. `actor` is an ApiUser id, or 'system:<workflow>' for Temporal activities. */
export async function audited(tx: Tx, actor: string, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor,
      action: change.action,
      entity: change.entity,
      entityId: String(change.entityId),
      before: snapshot(change.before),
      after: snapshot(change.after),
    },
  });
}

// Rows carry Dates and may carry undefined; the Json column wants plain JSON, and an absent
// side (before of a create) stays NULL.
function snapshot(value: unknown) {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}

/** Records many changes in one statement, for bulk writes such as a metrics upload. */
export async function auditedMany(tx: Tx, actor: string, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.auditEntry.createMany({
    data: changes.map((c) => ({
      actor,
      action: c.action,
      entity: c.entity,
      entityId: String(c.entityId),
      before: snapshot(c.before),
      after: snapshot(c.after),
    })),
  });
}

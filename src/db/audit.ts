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

/** A person acting through the API, or a workflow: `system:<workflow id>` and its county. */
export interface AuditActor {
  id: string;
  countyId?: string | null;
  role?: string | null;
  /** session | token | bootstrap | workflow | system */
  authMethod?: string | null;
  /** The Session or AccessToken id of the request. */
  credentialId?: string | null;
}

const methodOf = (actor: string) => (actor.startsWith('system:') ? 'system' : null);

/** A bare string actor (`system:seed`, `system:<workflow id>`) audited in a county. */
export function actorIn(actor: AuditActor | string, countyId: string): AuditActor {
  return typeof actor === 'string' ? { id: actor, countyId, authMethod: methodOf(actor) } : actor;
}

function actorColumns(actor: AuditActor | string) {
  if (typeof actor === 'string') return { actor, authMethod: methodOf(actor) };
  const { id, ...rest } = actor;
  return { actor: id, ...rest };
}

/** An entry's columns but its id and time. */
export function auditColumns(actor: AuditActor | string, change: AuditChange) {
  return {
    ...actorColumns(actor),
    action: change.action,
    entity: change.entity,
    entityId: String(change.entityId),
    before: snapshot(change.before),
    after: snapshot(change.after),
  };
}

/** Records one change. A bare string actor (`system:seed`) is a system write without a county. */
export async function audited(tx: Tx, actor: AuditActor | string, change: AuditChange): Promise<void> {
  await tx.auditEntry.create({ data: auditColumns(actor, change) });
}

// Rows carry Dates and may carry undefined; the Json column wants plain JSON, and an absent
// side (before of a create) stays NULL.
function snapshot(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Records many changes in one statement, for bulk writes such as a metrics upload. */
export async function auditedMany(tx: Tx, actor: AuditActor | string, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.auditEntry.createMany({ data: changes.map((c) => auditColumns(actor, c)) });
}

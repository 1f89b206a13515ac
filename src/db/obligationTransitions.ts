// The one way an obligation's status changes: a compare-and-set on the status the caller expects,
// allowed only by the table in core/obligationStatus.ts, written with its audit row in the
// caller's transaction. A refusal writes nothing; the caller answers it (409, or a re-review).
import { transitionRefusal, type ObligationParty, type ObligationStatus } from '../core/obligationStatus.js';
import { audited, type AuditActor, type Tx } from './audit.js';
import { obligationFacts } from './obligations.js';

export interface ObligationChange {
  /** The status the caller read and expects still to hold. */
  from: string;
  to: ObligationStatus;
  by: ObligationParty;
  /** Goes on the audit row: the principal's actorOf(res), or a workflow's systemActor. */
  actor: AuditActor | string;
  action: string;
  /** When the change happens: the settledAt of a move to settled. */
  at?: Date;
}

export type TransitionOutcome = { moved: true } | { moved: false; status: string | null; reason: string };

/**
 * Moves obligation `obligationId` from `change.from` to `change.to` if the table allows `change.by`
 * to and the obligation still is `change.from`. Entering `settled` stamps settledAt; leaving it clears it.
 */
export async function transitionObligation(tx: Tx, obligationId: string, change: ObligationChange): Promise<TransitionOutcome> {
  const records = await obligationFacts(tx, obligationId);
  if (!records) return { moved: false, status: null, reason: `obligation ${obligationId} does not exist` };
  const { from, to } = change;
  if (records.status !== from) return { moved: false, status: records.status, reason: movedOn(obligationId, from, records.status) };
  const refusal = transitionRefusal(from, to, change.by, records);
  if (refusal) return { moved: false, status: records.status, reason: `obligation ${obligationId}: ${refusal}` };
  const settledAt = to === 'settled' ? (change.at ?? new Date()) : null;
  // The status in the where clause is the guard: a writer that committed since the read above
  // leaves nothing to update (under PostgreSQL's read committed as well as SQLite's single writer).
  const { count } = await tx.paymentObligation.updateMany({ where: { id: obligationId, status: from }, data: { status: to, settledAt } });
  if (count === 0) {
    const current = await tx.paymentObligation.findUnique({ where: { id: obligationId }, select: { status: true } });
    return { moved: false, status: current?.status ?? null, reason: movedOn(obligationId, from, current?.status ?? 'gone') };
  }
  await audited(tx, change.actor, {
    action: change.action,
    entity: 'PaymentObligation',
    entityId: obligationId,
    before: { status: from },
    after: { status: to, ...(settledAt ? { settledAt } : {}) },
  });
  return { moved: true };
}

const movedOn = (id: string, expected: string, actual: string) => `obligation ${id} is ${actual}, no longer ${expected}; read it again`;

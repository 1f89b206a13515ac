// The Cycle row's life: opened by its workflow, decided, or failed with why and what to fix; a
// failed cycle is opened again when it is started again after the fix.
import type { FailureExplanation } from '../contracts/failures.js';
import { audited, type Tx } from './audit.js';
import type { Db } from './client.js';

const cleared = { failureType: null, failureReason: null, failureFix: null, failedAt: null };

/** Reopens a failed cycle for a new run (compare-and-set on `failed`); returns the row as it now stands. */
export async function reopenFailedCycle(db: Db, id: string, actor: string) {
  return db.$transaction(async (tx) => {
    const before = await tx.cycle.findUniqueOrThrow({ where: { id } });
    const { count } = await tx.cycle.updateMany({ where: { id, status: 'failed' }, data: { status: 'collecting', ...cleared } });
    if (count > 0) await audited(tx, actor, { action: 'reopen', entity: 'Cycle', entityId: id, before, after: { status: 'collecting' } });
    return tx.cycle.findUniqueOrThrow({ where: { id } });
  });
}

/** Marks a cycle failed, creating its row when the failure came before it was opened. A decided cycle stays decided. */
export async function markCycleFailed(tx: Tx, actor: string, cycle: { id: string; kind: string; period: string }, failure: FailureExplanation, at: Date) {
  const before = await tx.cycle.findUnique({ where: { id: cycle.id } });
  if (before?.status === 'decided') return;
  const data = { status: 'failed', failureType: failure.type, failureReason: failure.reason, failureFix: failure.fix, failedAt: at };
  await tx.cycle.upsert({ where: { id: cycle.id }, create: { ...cycle, ...data }, update: data });
  await audited(tx, actor, { action: 'fail', entity: 'Cycle', entityId: cycle.id, before: before ?? undefined, after: data });
}

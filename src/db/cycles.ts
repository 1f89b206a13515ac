// The Cycle row's life: opened by its workflow under the rule-set version in force at the end of
// its period, decided, or failed with why and what to fix; a failed cycle is opened again, under
// the version then in force, when it is started again after the fix. A cycle is one county's:
// it is identified by (county, kind, period); its id names them too, except for cycles made
// before counties, which keep their old ids (`quarterly-2026-Q1`, in county-1).
import { cycleId as newCycleId, legacyCountyId, parseCycleId, type CycleKind } from '../contracts/cycles.js';
import type { FailureExplanation } from '../contracts/failures.js';
import { PermanentFailure } from '../core/failures.js';
import { parsePeriod, periodEnd } from '../core/calendar.js';
import { audited, type AuditActor, type Tx } from './audit.js';
import type { Db } from './client.js';
import { ruleSetInForce } from './ruleSets.js';

export { legacyCountyId };

/**
 * The county a cycle belongs to: its row's once written, else the one its workflow was given,
 * else the one its id names; a run started before counties names none and is the first county's.
 */
export function countyOfCycle(cycleId: string, row?: { countyId: string } | null, given?: string): string {
  return row?.countyId ?? given ?? parseCycleId(cycleId).countyId ?? legacyCountyId;
}

/** The cycle of a county's period, whatever its id: the one lookup by (county, kind, period). */
export async function findCycle(db: Pick<Tx, 'cycle'>, countyId: string, kind: CycleKind, period: string) {
  return db.cycle.findUnique({ where: { countyId_kind_period: { countyId, kind, period } } });
}

/**
 * The id under which a county's period runs: the id of its cycle when one exists (a cycle made
 * before counties keeps its old id), else `<kind>-<period>-<county>`. Starting the period under
 * it finds a running or decided cycle already started, and restarts a failed one in place.
 */
export async function cycleIdInCounty(db: Pick<Tx, 'cycle'>, countyId: string, kind: CycleKind, period: string): Promise<string> {
  return (await findCycle(db, countyId, kind, period))?.id ?? newCycleId(kind, period, countyId);
}

const cleared = { failureType: null, failureReason: null, failureFix: null, failedAt: null };

/** The row of a cycle its workflow has opened; any other id is a permanent failure of the input. */
export async function openedCycle(db: Tx, cycleId: string) {
  const cycle = await db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) throw new PermanentFailure('InvalidCycleInput', `cycle ${cycleId} has not been opened`);
  return cycle;
}

/** Reopens a failed cycle for a new run under `ruleSetVersionId` (compare-and-set on `failed`); returns the row as it now stands. */
export async function reopenFailedCycle(db: Db, id: string, actor: AuditActor | string, ruleSetVersionId: number) {
  return db.$transaction(async (tx) => {
    const before = await tx.cycle.findUniqueOrThrow({ where: { id } });
    const data = { status: 'collecting', ruleSetVersionId, ...cleared };
    const { count } = await tx.cycle.updateMany({ where: { id, status: 'failed' }, data });
    if (count > 0) await audited(tx, actor, { action: 'reopen', entity: 'Cycle', entityId: id, before, after: { status: 'collecting', ruleSetVersionId } });
    return tx.cycle.findUniqueOrThrow({ where: { id } });
  });
}

/** The day whose rule set a cycle takes: the end of its period (a year-end cycle's is the year); for a period that cannot be read, the day it failed. */
function versionDay(period: string, at: Date): string {
  if (/^\d{4}$/.test(period)) return `${period}-12-31`;
  try {
    return periodEnd(parsePeriod(period));
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** Marks a cycle failed, creating its row when the failure came before it was opened. A decided cycle stays decided. */
export async function markCycleFailed(
  tx: Tx,
  actor: AuditActor | string,
  cycle: { id: string; countyId: string; kind: string; period: string },
  failure: FailureExplanation,
  at: Date,
) {
  const before = await tx.cycle.findUnique({ where: { id: cycle.id } });
  if (before?.status === 'decided') return;
  const data = { status: 'failed', failureType: failure.type, failureReason: failure.reason, failureFix: failure.fix, failedAt: at };
  const ruleSetVersionId = before?.ruleSetVersionId ?? (await ruleSetInForce(tx, cycle.countyId, versionDay(cycle.period, at))).id;
  await tx.cycle.upsert({ where: { id: cycle.id }, create: { ...cycle, ...data, ruleSetVersionId }, update: data });
  await audited(tx, actor, { action: 'fail', entity: 'Cycle', entityId: cycle.id, before: before ?? undefined, after: data });
}

/** Marks a cycle decided (with the figures it lacked, for a period), audited with what it decided. */
export async function markCycleDecided(
  tx: Tx,
  actor: AuditActor | string,
  cycle: { id: string; status: string },
  at: Date,
  decided: Record<string, unknown>,
  gaps?: object[],
) {
  await tx.cycle.update({ where: { id: cycle.id }, data: { status: 'decided', gaps, completedAt: at } });
  await audited(tx, actor, {
    action: 'decide',
    entity: 'Cycle',
    entityId: cycle.id,
    before: { status: cycle.status },
    after: { status: 'decided', ...decided },
  });
}

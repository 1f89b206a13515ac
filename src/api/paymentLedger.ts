// The writes behind the payment routes: finance's payment records, the payee's receipt and
// disputes, and corrections. Each checks everything before writing and writes the change, its
// audit row (and any notice) in one transaction, so a rejected request leaves nothing behind.
// An obligation outside the caller's county, or (for a payee) not paying them, is not there.
import { isFinal, type ObligationParty, type ObligationStatus } from '../core/obligationStatus.js';
import { paidInFull } from '../core/settlement.js';
import type { Db } from '../db/client.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { obligationFacts, openStatus, payeesOf } from '../db/obligations.js';
import { paysOfficer } from './access/ownRecords.js';
import { transitionObligation } from '../db/obligationTransitions.js';
import type { Notifier } from '../notices/notifier.js';
import { publishPaymentNotice } from '../notices/paymentText.js';
import { Problem } from './problem.js';
import { fromFen, toFen } from '../core/money.js';

export interface PaymentRecord {
  obligationId: string;
  amount: number;
  paidOn: string;
  reference: string;
}

/** Who writes: the audit actor, the county they write in and, for a payee, the officer they are. */
export interface LedgerCaller {
  actor: AuditActor | string;
  countyId: string;
  /** Set when the caller is the payee: only obligations paying this officer are theirs. */
  payee?: string;
}

const actorId = (actor: AuditActor | string) => (typeof actor === 'string' ? actor : actor.id);

async function openObligation(tx: Tx, caller: LedgerCaller, obligationId: string, pointer?: string) {
  const found = await tx.paymentObligation.findUnique({ where: { id: obligationId } });
  const theirs = found && found.countyId === caller.countyId && (caller.payee === undefined || (await paysOfficer(tx, found, caller.payee)));
  const row = theirs ? found : null;
  if (!row)
    throw pointer ? Problem.field(422, { pointer, message: `obligation ${obligationId} does not exist` }) : Problem.notFound('obligation', obligationId);
  if (isFinal(row.status)) throw new Problem(409, `obligation ${obligationId} is ${row.status}; nothing more can be recorded against it`);
  return row;
}

/** Records finance's payment once per reference: the same record again is answered with the stored one. */
export async function recordPayment(db: Db, caller: LedgerCaller, today: string, p: PaymentRecord) {
  const { actor } = caller;
  return db.$transaction(async (tx) => {
    const same = await tx.obligationPayment.findUnique({ where: { reference: p.reference } });
    // References are unique across counties: another county's says only that the reference is taken.
    if (same && (await tx.paymentObligation.findUnique({ where: { id: same.obligationId } }))?.countyId !== caller.countyId) {
      throw Problem.field(409, { pointer: '/reference', message: `reference ${p.reference} is already recorded for a different payment` });
    }
    if (same) {
      if (same.obligationId !== p.obligationId || same.amountFen !== toFen(p.amount) || same.paidOn !== p.paidOn) {
        throw Problem.field(409, { pointer: '/reference', message: `reference ${p.reference} is already recorded for a different payment` });
      }
      return { payment: same, created: false };
    }
    const row = await openObligation(tx, caller, p.obligationId, '/obligationId');
    if (p.paidOn > today) throw Problem.field(422, { pointer: '/paidOn', message: `${p.paidOn} is in the future (today is ${today})` });
    const facts = (await obligationFacts(tx, row.id))!;
    const outstanding = facts.owedFen - facts.paidFen;
    if (toFen(p.amount) > outstanding) {
      throw Problem.field(422, { pointer: '/amount', message: `${p.amount} exceeds the ${fromFen(outstanding).toFixed(2)} yuan still owed on ${row.id}` });
    }
    const payment = await tx.obligationPayment.create({
      data: { obligationId: row.id, reference: p.reference, amountFen: toFen(p.amount), paidOn: p.paidOn, recordedBy: actorId(actor) },
    });
    await followRecords(tx, actor, 'finance', row.id, row.status);
    await audited(tx, actor, { action: 'create', entity: 'ObligationPayment', entityId: p.reference, after: payment });
    return { payment, created: true };
  });
}

/**
 * The payee confirms what has been paid so far; confirming the same amount again changes nothing.
 * A payee who states the amount received must state what is recorded, else they dispute instead.
 */
export async function confirmReceipt(db: Db, caller: LedgerCaller, now: Date, obligationId: string, stated?: number) {
  const { actor } = caller;
  return db.$transaction(async (tx) => {
    const row = await openObligation(tx, caller, obligationId);
    const facts = (await obligationFacts(tx, obligationId))!;
    if (facts.paidFen === 0) throw new Problem(409, `nothing has been recorded as paid on ${obligationId} yet`);
    if (stated !== undefined && toFen(stated) !== facts.paidFen) {
      throw Problem.field(422, {
        pointer: '/amount',
        message: `${stated.toFixed(2)} yuan is not the ${fromFen(facts.paidFen).toFixed(2)} yuan recorded as paid on ${obligationId}; if that is not what you received, dispute it`,
      });
    }
    if (facts.confirmedFen === facts.paidFen && facts.openDisputes === 0) return { confirmedFen: facts.confirmedFen, changed: false };
    await tx.paymentObligation.update({ where: { id: obligationId }, data: { confirmedFen: facts.paidFen } });
    await tx.paymentDispute.updateMany({ where: { obligationId, resolvedAt: null }, data: { resolvedAt: now } });
    await followRecords(tx, actor, 'payee', obligationId, row.status);
    await audited(tx, actor, {
      action: 'confirm-receipt',
      entity: 'PaymentObligation',
      entityId: obligationId,
      before: { confirmedFen: facts.confirmedFen },
      after: { confirmedFen: facts.paidFen },
    });
    return { confirmedFen: facts.paidFen, changed: true };
  });
}

export async function raiseDispute(db: Db, caller: LedgerCaller, obligationId: string, d: { reason: 'not-received' | 'wrong-amount'; note: string }) {
  const { actor } = caller;
  return db.$transaction(async (tx) => {
    const row = await openObligation(tx, caller, obligationId);
    const dispute = await tx.paymentDispute.create({ data: { obligationId, reason: d.reason, note: d.note, raisedBy: actorId(actor) } });
    await followRecords(tx, actor, 'payee', obligationId, row.status);
    await audited(tx, actor, { action: 'dispute', entity: 'PaymentObligation', entityId: obligationId, before: { status: row.status }, after: dispute });
    return dispute;
  });
}

export interface Correction {
  action: 'cancel' | 'change';
  amount?: number;
  reason: string;
}

export const correctionNoticeId = (obligationId: string, at: Date) => `${obligationId}/payment-corrected/${at.toISOString()}`;

/** Finance's answer to a rule correction or a dispute: resolves open disputes and tells the payee. */
export async function correctObligation(db: Db, notifier: Notifier, caller: LedgerCaller, now: Date, obligationId: string, c: Correction) {
  const { actor } = caller;
  return db.$transaction(async (tx) => {
    const row = await openObligation(tx, caller, obligationId);
    const facts = (await obligationFacts(tx, obligationId))!;
    if (c.action === 'cancel' && facts.paidFen > 0) {
      throw Problem.field(409, {
        pointer: '/action',
        message: `${fromFen(facts.paidFen).toFixed(2)} yuan is already paid on ${obligationId}; change the amount instead`,
      });
    }
    if (c.action === 'change' && toFen(c.amount!) < facts.paidFen) {
      throw Problem.field(422, { pointer: '/amount', message: `${c.amount} is less than the ${fromFen(facts.paidFen).toFixed(2)} yuan already paid` });
    }
    await tx.paymentDispute.updateMany({ where: { obligationId, resolvedAt: null }, data: { resolvedAt: now } });
    if (c.action === 'change') await tx.paymentObligation.update({ where: { id: obligationId }, data: { amountFen: toFen(c.amount!) } });
    await followRecords(tx, actor, 'finance', obligationId, row.status, c.action === 'cancel' ? 'cancelled' : undefined);
    const after = await tx.paymentObligation.findUniqueOrThrow({ where: { id: obligationId } });
    await audited(tx, actor, {
      action: `correct-${c.action}`,
      entity: 'PaymentObligation',
      entityId: obligationId,
      before: row,
      after: { ...after, reason: c.reason },
    });
    await publishPaymentNotice(tx, notifier, {
      id: correctionNoticeId(obligationId, now),
      countyId: row.countyId,
      kind: 'payment-corrected',
      recipients: (await payeesOf(tx, row)).map((id) => ({ type: 'officer' as const, id })),
      facts: {
        obligation: obligationId,
        due: row.dueOn,
        amount: fromFen(row.amountFen),
        paid: fromFen(facts.paidFen),
        action: c.action,
        newAmount: c.amount,
        reason: c.reason,
      },
    });
    return after;
  });
}

/**
 * Moves the status to `to`, or else to what the records now imply (a settled obligation stays
 * settled while paid in full and undisputed), through the guarded transition; a refusal is a 409
 * and rolls the whole request back.
 */
async function followRecords(tx: Tx, actor: AuditActor | string, by: ObligationParty, obligationId: string, current: string, to?: ObligationStatus) {
  const facts = (await obligationFacts(tx, obligationId))!;
  const next = to ?? (current === 'settled' && facts.openDisputes === 0 && paidInFull(facts) ? 'settled' : openStatus(facts));
  if (next === current) return;
  const r = await transitionObligation(tx, obligationId, { from: current, to: next, by, actor, action: 'status' });
  if (!r.moved) throw new Problem(409, r.reason, undefined, { obligationStatus: r.status });
}

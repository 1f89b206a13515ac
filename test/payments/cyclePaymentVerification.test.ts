// The verification of a cycle's payments by one workflow on the time-skipping server, with real
// activities on a real SQLite file and the payment ledger the API uses: the behaviours of
// paymentVerification.test.ts, each obligation's state read from its row.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { CyclePaymentsPage } from '../../src/activities/cyclePayments.js';
import { confirmReceipt, correctObligation, raiseDispute, recordPayment } from '../../src/api/paymentLedger.js';
import type { PaymentTiming } from '../../src/core/settlement.js';
import { paymentTiming } from '../../src/activities/paymentFollowUps.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { cyclePaymentWorkflowId } from '../../src/contracts/payments.js';
import { obligationCorrectedSignal, paymentDisputedSignal, paymentRecordedSignal, receiptConfirmedSignal } from '../../src/workflows/paymentMessages.js';
import { cyclePaymentVerification } from '../../src/workflows/cyclePaymentVerification.js';
import { appealPayments } from '../../src/workflows/appealPayments.js';
import { freshSqlite } from '../support/db.js';
import { day } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';
import { firstCounty } from '../support/counties.js';

const timing: PaymentTiming = { ...paymentTiming(loadDefaultRuleSet().parameters), settleAfterDays: 30, disputeWindowDays: 60 };
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
  db = (await freshSqlite('cycle-payment-verification')).db;
});

// A workflow left running with no worker holds up time skipping for every later test.
const started: string[] = [];
afterEach(async () => {
  for (const id of started.splice(0))
    await env.client.workflow
      .getHandle(id)
      .terminate('test over')
      .catch(() => undefined);
});

afterAll(async () => {
  await db?.$disconnect();
  await env?.teardown();
});

const countyId = firstCounty.id;
const finance = { actor: 'finance', countyId };
const payee = { actor: 'o01', countyId, payee: 'o01' };

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The server's clock, which time skipping has moved ahead of this process's clock.
const now = () => env.currentTimeMs();

/** Obligations of 1500 yuan for officer o01 in cycle `cycleId`, due `dueInDays` after the server's now. */
async function obligations(cycleId: string, ids: string[], dueInDays = 20) {
  const dueOn = isoDate((await now()) + dueInDays * day);
  for (const id of ids)
    await db.paymentObligation.create({
      data: { id, countyId, cycleId, decisionId: `${cycleId}/subsidy/o01`, kind: 'subsidy', payeeType: 'officer', payeeId: 'o01', amountFen: 150_000, dueOn },
    });
  return dueOn;
}

const realActivities = () => createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });

function worker(taskQueue: string, activities: object = realActivities()) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
    shutdownGraceTime: '100ms',
  });
}

function start(cycleId: string, taskQueue: string) {
  started.push(cyclePaymentWorkflowId(cycleId));
  return env.client.workflow.start(cyclePaymentVerification, { workflowId: cyclePaymentWorkflowId(cycleId), taskQueue, args: [{ cycleId, timing }] });
}

const row = (id: string) => db.paymentObligation.findUniqueOrThrow({ where: { id } });
const kinds = async (obligationId: string) => (await db.notice.findMany({ where: { about: obligationId }, orderBy: { id: 'asc' } })).map((n) => n.kind);

// Written as the API does: the write, then a signal naming the obligation to the cycle's workflow.
async function pay(cycleId: string, obligationId: string, amount: number, reference: string) {
  const today = isoDate(await now());
  await recordPayment(db, finance, today, { obligationId, amount, paidOn: today, reference });
  await env.client.workflow.getHandle(cyclePaymentWorkflowId(cycleId)).signal(paymentRecordedSignal, { reference, obligationId });
}

async function confirm(cycleId: string, obligationId: string) {
  const { confirmedFen } = await confirmReceipt(db, payee, new Date(), obligationId);
  await env.client.workflow.getHandle(cyclePaymentWorkflowId(cycleId)).signal(receiptConfirmedSignal, { confirmedFen, obligationId });
}

/** Activity types the run scheduled, in order. */
async function activities(handle: { fetchHistory: () => Promise<{ events?: unknown[] | null }> }) {
  const { events } = await handle.fetchHistory();
  return (events as { activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null }[]).flatMap((e) =>
    e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : [],
  );
}

describe('cyclePaymentVerification', () => {
  it('reminds finance before the due date, escalates weekly from the day after, and closes once paid, confirmed and past the dispute window', async () => {
    const cycleId = 'c-unpaid';
    const id = `${cycleId}/subsidy/o01`;
    const dueOn = await obligations(cycleId, [id]);
    const w = await worker('unpaid');
    const handle = await start(cycleId, 'unpaid');
    await w.runUntil(async () => {
      await env.sleep(Date.parse(dueOn) + 16 * day - (await now()));
      await expect.poll(async () => (await row(id)).escalations, { timeout: 30_000 }).toBe(3);
      await pay(cycleId, id, 1500, 'FIN-late');
      await confirm(cycleId, id);
      await expect.poll(async () => (await row(id)).status, { timeout: 30_000 }).toBe('settled');
      await handle.result();
    });
    const plus = (days: number) => isoDate(Date.parse(dueOn) + days * day);
    const overdue = await db.notice.findMany({ where: { about: id, kind: 'payment-overdue' }, include: { recipients: true }, orderBy: { id: 'asc' } });
    expect(overdue.map((n) => n.id)).toEqual([1, 8, 15].map((d) => `${id}/payment-overdue/${plus(d)}`));
    expect(overdue[0]!.recipients.map((r) => `${r.recipientType}/${r.recipientId}`).sort()).toEqual(['bureau/head', 'finance/finance', 'officer/o01']);
    expect(await kinds(id)).toEqual(['payment-overdue', 'payment-overdue', 'payment-overdue', 'payment-recorded', 'payment-reminder']);
    expect(await row(id)).toMatchObject({ status: 'closed', escalations: 3 });
  });

  it('settles a paid obligation without confirmation after the silence', async () => {
    const cycleId = 'c-silent';
    const id = `${cycleId}/subsidy/o01`;
    await obligations(cycleId, [id]);
    const w = await worker('silent');
    await start(cycleId, 'silent');
    await w.runUntil(async () => {
      await pay(cycleId, id, 1500, 'FIN-silent');
      await expect.poll(async () => (await row(id)).fullSince !== null, { timeout: 30_000 }).toBe(true);
      expect((await row(id)).status).toBe('paid');
      await env.sleep(timing.settleAfterDays * day + day);
      await expect.poll(async () => (await row(id)).status, { timeout: 30_000 }).toBe('settled');
    });
    expect(await kinds(id)).toEqual(['payment-recorded']);
  });

  it('reopens a settled obligation on a dispute and settles it again once the payee confirms', async () => {
    const cycleId = 'c-disputed';
    const id = `${cycleId}/subsidy/o01`;
    await obligations(cycleId, [id]);
    const w = await worker('dispute');
    const handle = await start(cycleId, 'dispute');
    await w.runUntil(async () => {
      await pay(cycleId, id, 1500, 'FIN-dispute');
      await confirm(cycleId, id);
      await expect.poll(async () => (await row(id)).status, { timeout: 30_000 }).toBe('settled');
      const dispute = await raiseDispute(db, payee, id, { reason: 'not-received', note: 'nothing arrived on my card' });
      await handle.signal(paymentDisputedSignal, { disputeId: dispute.id, reason: dispute.reason, obligationId: id });
      await expect.poll(() => db.notice.count({ where: { id: `${id}/payment-disputed/${dispute.id}` } }), { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => (await row(id)).fullSince, { timeout: 30_000 }).toBeNull();
      expect(await row(id)).toMatchObject({ status: 'disputed', settledAt: null });
      await confirm(cycleId, id);
      await handle.result();
    });
    const changes = await db.auditEntry.findMany({ where: { entityId: id, authMethod: 'workflow' }, orderBy: { id: 'asc' } });
    expect(changes.map((a) => [a.actor, a.action])).toEqual(
      ['settle', 'settle', 'close'].map((action) => [`system:${cyclePaymentWorkflowId(cycleId)}`, action]),
    );
    expect(await row(id)).toMatchObject({ status: 'closed' });
    await recordHistory(handle, 'cycle-payment-verification');
  });

  it('ends once every obligation is closed or cancelled, a cancellation included', async () => {
    const cycleId = 'c-cancelled';
    const [a, b] = [`${cycleId}/subsidy/a`, `${cycleId}/subsidy/b`];
    await obligations(cycleId, [a, b]);
    const w = await worker('cancel');
    const handle = await start(cycleId, 'cancel');
    await w.runUntil(async () => {
      await correctObligation(db, createInboxNotifier(), finance, new Date(), a, { action: 'cancel', reason: 'rule correction' });
      await handle.signal(obligationCorrectedSignal, { action: 'cancel', obligationId: a });
      await pay(cycleId, b, 1500, 'FIN-b');
      await confirm(cycleId, b);
      await handle.result();
    });
    expect(await row(a)).toMatchObject({ status: 'cancelled' });
    expect(await kinds(a)).toEqual(['payment-corrected']);
    expect(await row(b)).toMatchObject({ status: 'closed' });
  });

  it('looks at all the obligations sharing a due date in one activity: the reminder, then each overdue week', async () => {
    const cycleId = 'c-many';
    const ids = Array.from({ length: 30 }, (_, i) => `${cycleId}/subsidy/o${String(i).padStart(2, '0')}`);
    const dueOn = await obligations(cycleId, ids);
    const w = await worker('many');
    const handle = await start(cycleId, 'many');
    await w.runUntil(async () => {
      await env.sleep(Date.parse(dueOn) + 9 * day - (await now()));
      await expect.poll(() => db.paymentObligation.count({ where: { cycleId, escalations: 2 } }), { timeout: 30_000 }).toBe(ids.length);
    });
    // The first look, the reminder, the two overdue weeks: one page each.
    expect(await activities(handle)).toEqual(Array(4).fill('verifyCyclePayments'));
    expect(await db.notice.count({ where: { about: { in: ids }, kind: 'payment-reminder' } })).toBe(ids.length);
    expect(await db.notice.count({ where: { about: { in: ids }, kind: 'payment-overdue' } })).toBe(2 * ids.length);
    expect((await handle.describe()).historyLength).toBeLessThan(60);
  });

  it('writes nothing twice when a page is retried after its writes committed', async () => {
    const cycleId = 'c-retried';
    const ids = [`${cycleId}/subsidy/paid`, `${cycleId}/subsidy/unpaid`];
    await obligations(cycleId, ids, -3);
    await recordPayment(db, finance, isoDate(await now()), { obligationId: ids[0]!, amount: 1500, paidOn: isoDate(await now()), reference: 'FIN-retried' });
    await confirmReceipt(db, payee, new Date(), ids[0]!);
    const real = realActivities();
    let died = 0;
    const dying = {
      ...real,
      // Stands for a worker that dies after the page committed, before it reports.
      async verifyCyclePayments(input: CyclePaymentsPage) {
        const r = await real.verifyCyclePayments(input);
        if (died++ === 0) throw new Error('the worker died before it could report the completed page');
        return r;
      },
    };
    const w = await worker('retried', dying);
    await start(cycleId, 'retried');
    await w.runUntil(async () => {
      await expect.poll(() => died, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(async () => (await row(ids[0]!)).status, { timeout: 30_000 }).toBe('settled');
    });
    const byKey = await db.notice.groupBy({ by: ['id'], where: { about: { in: ids } }, _count: true });
    expect(byKey.map((n) => n._count)).toEqual(byKey.map(() => 1));
    expect(byKey.map((n) => n.id).sort()).toEqual([`${ids[0]}/payment-recorded/FIN-retried`, `${ids[1]}/payment-overdue/${isoDate(await now())}`]);
    expect(await db.noticeRecipient.count({ where: { noticeId: `${ids[1]}/payment-overdue/${isoDate(await now())}` } })).toBe(3);
    expect(await db.auditEntry.count({ where: { entityId: { in: ids }, authMethod: 'workflow', action: 'settle' } })).toBe(1);
    expect(await row(ids[1]!)).toMatchObject({ escalations: 1 });
  });
  // Last: after it, a sleep on the same server did not advance its clock (as appealReview.test.ts found).
  it('holds payments while an appeal of the cycle is open and resumes them when appealPayments wakes it', async () => {
    const cycleId = 'c-appealed';
    const id = `${cycleId}/subsidy/o01`;
    await obligations(cycleId, [id]);
    const appeal = await db.appeal.create({
      data: {
        countyId,
        cycleId,
        communityId: 'c1',
        officerId: 'o01',
        contests: 'evaluation',
        reason: 'wrong survey',
        windowEndsOn: '2099-01-01',
        deadlineOn: '2099-01-01',
        filedBy: 'o01',
      },
    });
    const w = await worker('appealed');
    await start(cycleId, 'appealed');
    await w.runUntil(async () => {
      await pay(cycleId, id, 1500, 'FIN-appealed');
      await confirm(cycleId, id);
      // Reviewed (the payee was told of the payment) and held.
      await expect.poll(() => db.notice.count({ where: { id: `${id}/payment-recorded/FIN-appealed` } }), { timeout: 30_000 }).toBe(1);
      await expect.poll(async () => (await row(id)).nextLookAt !== null, { timeout: 30_000 }).toBe(true);
      expect(await row(id)).toMatchObject({ status: 'paid', fullSince: null });
      await db.appeal.update({ where: { id: appeal.id }, data: { status: 'upheld' } });
      await env.client.workflow.execute(appealPayments, {
        workflowId: `appeal-payments/${appeal.id}`,
        taskQueue: 'appealed',
        args: [{ appealId: appeal.id, cycleId }],
      });
      await expect.poll(async () => (await row(id)).status, { timeout: 30_000 }).toBe('settled');
    });
  });
});

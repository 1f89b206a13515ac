// The payment verification workflow on the time-skipping server, with real activities on a
// real SQLite file and the payment ledger the API uses.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { confirmReceipt, correctObligation, raiseDispute, recordPayment } from '../../src/api/paymentLedger.js';
import type { PaymentTiming } from '../../src/core/settlement.js';
import { paymentTiming } from '../../src/activities/paymentFollowUps.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { ensureDefaultRuleSet } from '../../src/db/ruleSets.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { paymentWorkflowId } from '../../src/contracts/payments.js';
import {
  obligationCorrectedSignal,
  paymentDisputedSignal,
  paymentRecordedSignal,
  receiptConfirmedSignal,
  verificationStateQuery,
} from '../../src/workflows/paymentMessages.js';
import { paymentFollowUps } from '../../src/workflows/paymentFollowUps.js';
import { paymentVerification } from '../../src/workflows/paymentVerification.js';
import { freshSqlite } from '../support/db.js';
import { day, runningTime } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';
import { firstCounty } from '../support/counties.js';
import { webhookChannel } from '../support/receivers.js';
const timing: PaymentTiming = { ...paymentTiming(loadDefaultRuleSet().parameters), settleAfterDays: 30, disputeWindowDays: 60 };
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
  db = (await freshSqlite('payment-verification')).db;
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

/** The county of these obligations; finance and the payee o01 write in it. */
const countyId = firstCounty.id;
const finance = { actor: 'finance', countyId };
const payee = { actor: 'o01', countyId, payee: 'o01' };

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The server's clock, which time skipping has moved ahead of this process's clock.
const now = () => env.currentTimeMs();

/** An obligation of 1500 yuan for officer `payee`, due `dueInDays` after the test server's now. */
async function obligation(id: string, dueInDays = 20, cycleId = 'quarterly-2026-Q1') {
  const dueOn = isoDate((await now()) + dueInDays * day);
  await db.paymentObligation.create({
    data: {
      id,
      countyId,
      cycleId,
      decisionId: `${cycleId}/subsidy/o01`,
      kind: 'subsidy',
      payeeType: 'officer',
      payeeId: 'o01',
      amountFen: 150_000,
      dueOn,
    },
  });
  return dueOn;
}

function worker(taskQueue: string, activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() }), options = {}) {
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities,
    shutdownGraceTime: '100ms',
    ...options,
  });
}

function start(obligationId: string, dueOn: string, taskQueue: string) {
  started.push(paymentWorkflowId(obligationId));
  return env.client.workflow.start(paymentVerification, {
    workflowId: paymentWorkflowId(obligationId),
    taskQueue,
    args: [{ obligationId, dueOn, timing }],
  });
}

const kinds = async (obligationId: string) => (await db.notice.findMany({ where: { about: obligationId }, orderBy: { id: 'asc' } })).map((n) => n.kind);

async function pay(obligationId: string, amount: number, reference: string) {
  const today = isoDate(await now());
  await recordPayment(db, finance, today, { obligationId, amount, paidOn: today, reference });
  await env.client.workflow.getHandle(paymentWorkflowId(obligationId)).signal(paymentRecordedSignal, { reference });
}

async function confirm(obligationId: string) {
  const { confirmedFen } = await confirmReceipt(db, payee, new Date(), obligationId);
  await env.client.workflow.getHandle(paymentWorkflowId(obligationId)).signal(receiptConfirmedSignal, { confirmedFen });
}

describe('paymentVerification', () => {
  it('closes quietly when finance pays before the due date and the officer confirms', async () => {
    const id = '2026-Q1/subsidy/on-time';
    const dueOn = await obligation(id);
    const w = await worker('on-time');
    const outcome = await w.runUntil(async () => {
      const handle = await start(id, dueOn, 'on-time');
      await pay(id, 1500, 'FIN-on-time');
      await confirm(id);
      return handle.result();
    });

    expect(outcome).toBe('closed');
    expect(await kinds(id)).toEqual(['payment-recorded']);
    expect(await db.paymentObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'closed', confirmedFen: 150_000 });
  });

  it('reminds finance, sends an overdue notice the day after the due date and again every week until paid', async () => {
    const id = '2026-Q1/subsidy/unpaid';
    const dueOn = await obligation(id);
    const webhook = await webhookChannel();
    const w = await worker('unpaid', createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date(), channels: webhook.channels }));
    const handle = await start(id, dueOn, 'unpaid');
    await w.runUntil(async () => {
      await env.sleep(Date.parse(dueOn) + 16 * day - (await now()));
      await expect.poll(async () => (await handle.query(verificationStateQuery)).escalations, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
      await pay(id, 1500, 'FIN-late');
      await confirm(id);
      await handle.result();
      // Every notice of the workflow's own went on to the channels as well.
      const notices = await db.notice.findMany({ where: { about: id }, select: { id: true }, orderBy: { id: 'asc' } });
      for (const n of notices) {
        expect(await env.client.workflow.getHandle(`delivery/${n.id}`).result()).toMatchObject({ noticeId: n.id, delivered: ['webhook'], failed: [] });
      }
      expect([...webhook.receiver.accepted.keys()].sort()).toEqual(notices.map((n) => n.id));
    });
    await webhook.receiver.close();

    const overdue = await db.notice.findMany({ where: { about: id, kind: 'payment-overdue' }, include: { recipients: true }, orderBy: { id: 'asc' } });
    const plus = (days: number) => isoDate(Date.parse(dueOn) + days * day);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    // The history grows by a bounded number of events per overdue week: a year overdue stays far below 50k.
    const { historyLength } = await handle.describe();
    // Each overdue week: the timer, the escalation and the delivery child that sends it on.
    expect(historyLength).toBeLessThanOrEqual(100 + 25 * overdue.length);
    expect(overdue.map((n) => n.id)).toEqual(overdue.map((_, week) => `${id}/payment-overdue/${plus(1 + 7 * week)}`));
    expect(overdue[0]!.recipients.map((r) => `${r.recipientType}/${r.recipientId}`).sort()).toEqual(['bureau/head', 'finance/finance', 'officer/o01']);
    expect(overdue[0]!.facts).toMatchObject({ due: dueOn, amount: 1500, paid: 0 });
    expect(await kinds(id)).toEqual([...overdue.map(() => 'payment-overdue'), 'payment-recorded', 'payment-reminder']);
  });

  it('keeps its notices in the inbox and starts no delivery when no channel beyond the inbox is configured', async () => {
    const id = '2026-Q1/subsidy/inbox-only';
    const dueOn = await obligation(id);
    const w = await worker('inbox-only');
    const handle = await start(id, dueOn, 'inbox-only');
    await w.runUntil(async () => {
      await env.sleep(Date.parse(dueOn) + 2 * day - (await now()));
      await expect.poll(async () => (await handle.query(verificationStateQuery)).escalations, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    });

    const notices = await db.notice.findMany({ where: { about: id }, include: { recipients: true }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => n.kind)).toEqual(['payment-overdue', 'payment-reminder']);
    expect(notices[0]!.recipients.map((r) => `${r.recipientType}/${r.recipientId}`).sort()).toEqual(['bureau/head', 'finance/finance', 'officer/o01']);
    for (const n of notices) await expect(env.client.workflow.getHandle(`delivery/${n.id}`).describe()).rejects.toThrow(WorkflowNotFoundError);
    // Nor did the workflow ask: the review said that no channel is configured.
    const { events } = await handle.fetchHistory();
    const scheduled = (events ?? []).flatMap((e) =>
      e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name] : [],
    );
    expect(scheduled).not.toContain('noticeChannels');
    expect((events ?? []).some((e) => e.startChildWorkflowExecutionInitiatedEventAttributes)).toBe(false);
    await recordHistory(handle, 'payment-verification-inbox-only');
  });

  it('leaves the rest of a partial payment open and overdue', async () => {
    const id = '2026-Q1/subsidy/partial';
    const dueOn = await obligation(id);
    const w = await worker('partial');
    const handle = await start(id, dueOn, 'partial');
    await w.runUntil(async () => {
      await pay(id, 1000, 'FIN-partial');
      await confirm(id);
      await env.sleep(Date.parse(dueOn) + 2 * day - (await now()));
      await expect.poll(async () => (await handle.query(verificationStateQuery)).escalations, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    });

    const [overdue] = await db.notice.findMany({ where: { about: id, kind: 'payment-overdue' } });
    expect(overdue!.facts).toMatchObject({ amount: 1500, paid: 1000 });
    expect(await db.paymentObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'open', confirmedFen: 100_000 });
  });

  it('reopens a settled obligation on a dispute and settles it again once the payee confirms', async () => {
    const id = '2026-Q1/subsidy/disputed';
    const dueOn = await obligation(id);
    const w = await worker('dispute');
    const handle = await start(id, dueOn, 'dispute');
    const outcome = await w.runUntil(async () => {
      await pay(id, 1500, 'FIN-dispute');
      await confirm(id);
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('settled');
      expect((await db.paymentObligation.findUniqueOrThrow({ where: { id } })).status).toBe('settled');

      const dispute = await raiseDispute(db, payee, id, { reason: 'not-received', note: 'nothing arrived on my card' });
      await handle.signal(paymentDisputedSignal, { disputeId: dispute.id, reason: dispute.reason });
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('waiting');
      const notice = await db.notice.findUniqueOrThrow({ where: { id: `${id}/payment-disputed/${dispute.id}` }, include: { recipients: true } });
      expect(notice.recipients.map((r) => r.recipientType).sort()).toEqual(['bureau', 'finance']);

      await confirm(id);
      return handle.result();
    });

    expect(outcome).toBe('closed');
    expect(await db.paymentDispute.count({ where: { obligationId: id, resolvedAt: null } })).toBe(0);
    await recordHistory(handle, 'payment-verification');
  });

  it('never settles over a dispute the payee raised just after confirming, and settles once it is resolved', async () => {
    const id = '2026-Q1/subsidy/raced';
    const dueOn = await obligation(id);
    const real = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });
    let disputed = false;
    // The payee disputes, as the API does (write, then signal), right after the workflow has read a
    // confirmed obligation paid in full and before it settles it.
    const racing = {
      ...real,
      async reviewObligation(input: { obligationId: string }) {
        const facts = await real.reviewObligation(input);
        if (!disputed && facts.confirmedFen >= facts.owedFen && facts.openDisputes === 0) {
          disputed = true;
          const dispute = await raiseDispute(db, payee, id, { reason: 'not-received', note: 'confirmed by mistake, nothing arrived' });
          await env.client.workflow.getHandle(paymentWorkflowId(id)).signal(paymentDisputedSignal, { disputeId: dispute.id, reason: dispute.reason });
        }
        return facts;
      },
    };
    const w = await worker('raced', racing);
    const handle = await start(id, dueOn, 'raced');
    const outcome = await w.runUntil(async () => {
      await pay(id, 1500, 'FIN-raced');
      await confirm(id);
      // The workflow has read the dispute back: finance and the bureau are told, and it waits.
      await expect
        .poll(async () => (await kinds(id)).includes('payment-disputed') && (await handle.query(verificationStateQuery)).step, { timeout: 30_000 })
        .toBe('waiting');
      expect(await db.paymentObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'disputed', settledAt: null });

      await confirm(id);
      return handle.result();
    });

    expect(outcome).toBe('closed');
    const changes = await db.auditEntry.findMany({
      where: { entityId: id, actor: `system:${paymentWorkflowId(id)}`, countyId, authMethod: 'workflow' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((a) => [a.action, a.before, a.after])).toEqual([
      ['settle', { status: 'paid' }, expect.objectContaining({ status: 'settled' })],
      ['close', { status: 'settled' }, { status: 'closed' }],
    ]);
  });

  it('does not close over a dispute whose signal never reached it, and gives a whole window after settling again', async () => {
    const id = '2026-Q1/subsidy/unheard';
    const dueOn = await obligation(id);
    const w = await worker('unheard');
    const handle = await start(id, dueOn, 'unheard');
    const outcome = await w.runUntil(async () => {
      await pay(id, 1500, 'FIN-unheard');
      await confirm(id);
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('settled');
      // Written as the API does, but the signal is lost (the API answers followedUp: false).
      await raiseDispute(db, payee, id, { reason: 'not-received', note: 'the transfer came back' });
      await env.sleep(timing.disputeWindowDays * day + day);
      await expect
        .poll(async () => (await kinds(id)).includes('payment-disputed') && (await handle.query(verificationStateQuery)).step, { timeout: 30_000 })
        .toBe('waiting');
      expect((await db.paymentObligation.findUniqueOrThrow({ where: { id } })).status).toBe('disputed');

      await confirm(id);
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('settled');
      return handle.result();
    });

    expect(outcome).toBe('closed');
    const changes = await db.auditEntry.findMany({
      where: { entityId: id, actor: `system:${paymentWorkflowId(id)}`, countyId, authMethod: 'workflow' },
      orderBy: { id: 'asc' },
    });
    expect(changes.map((a) => [a.action, (a.before as { status: string }).status])).toEqual([
      ['settle', 'paid'],
      ['settle', 'paid'],
      ['close', 'settled'],
    ]);
    expect(await runningTime(handle)).toBeGreaterThanOrEqual(2 * timing.disputeWindowDays * day);
    await recordHistory(handle, 'payment-verification-guarded');
  });

  it('settles a paid obligation without confirmation after the configured silence', async () => {
    const id = '2026-Q1/subsidy/silent';
    const dueOn = await obligation(id);
    const w = await worker('silent');
    const handle = await start(id, dueOn, 'silent');
    await w.runUntil(async () => {
      await pay(id, 1500, 'FIN-silent');
      await env.sleep(timing.settleAfterDays * day + day);
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('settled');
    });
    expect(await kinds(id)).toEqual(['payment-recorded']);
  });

  it('ends on cancellation', async () => {
    const id = '2026-Q1/subsidy/cancelled';
    const dueOn = await obligation(id);
    const w = await worker('cancel');
    const outcome = await w.runUntil(async () => {
      const handle = await start(id, dueOn, 'cancel');
      await correctObligation(db, createInboxNotifier(), finance, new Date(), id, { action: 'cancel', reason: 'rule correction' });
      await handle.signal(obligationCorrectedSignal, { action: 'cancel' });
      return handle.result();
    });
    expect(outcome).toBe('cancelled');
    expect(await kinds(id)).toEqual(['payment-corrected']);
  });

  it('reports a payment once when the worker dies after writing and a new worker retries', async () => {
    const id = '2026-Q1/subsidy/crash';
    const dueOn = await obligation(id);
    const real = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });
    let died = false;
    const dying = {
      ...real,
      async reviewObligation(input: { obligationId: string }) {
        const facts = await real.reviewObligation(input);
        if (facts.paidFen === 0) return facts;
        died = true;
        // Stands for a process that dies here: the write is committed, the completion never reported.
        await Context.current().cancelled.catch(() => undefined);
        throw new Error('the worker shut down before it could report the completed activity');
      },
    };
    // No sticky cache: the test server would keep routing workflow tasks to the dead worker's sticky queue.
    const first = await worker('crash', dying, { maxCachedWorkflows: 0 });
    const handle = await start(id, dueOn, 'crash');
    await first.runUntil(async () => {
      await pay(id, 1500, 'FIN-crash');
      await expect.poll(() => died, { timeout: 30_000 }).toBe(true);
    });

    const second = await worker('crash');
    await second.runUntil(async () => {
      await pay(id, 1500, 'FIN-crash');
      await confirm(id);
      await confirm(id);
      await handle.result();
    });
    expect(await db.obligationPayment.count({ where: { obligationId: id } })).toBe(1);
    const recorded = await db.notice.findMany({ where: { about: id, kind: 'payment-recorded' }, include: { recipients: true } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.recipients).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { entity: 'PaymentObligation', entityId: id, action: 'confirm-receipt' } })).toBe(1);
  }, 300_000);

  it('starts one verification per obligation of a cycle, a page at a time', async () => {
    const cycleId = 'quarterly-2026-Q2';
    const ids = ['2026-Q2/subsidy/a', '2026-Q2/subsidy/b', '2026-Q2/subsidy/c'];
    await ensureDefaultRuleSet(db, countyId);
    await db.cycle.create({ data: { id: cycleId, countyId, kind: 'quarterly', period: '2026-Q2', status: 'decided', ruleSetVersionId: 1 } });
    for (const id of ids) await obligation(id, 20, cycleId);
    const w = await worker('launcher');
    await w.runUntil(async () => {
      await env.client.workflow.execute(paymentFollowUps, { workflowId: `payments/${cycleId}`, taskQueue: 'launcher', args: [{ cycleId, pageSize: 2 }] });
      for (const id of ids) {
        const handle = env.client.workflow.getHandle(paymentWorkflowId(id));
        expect((await handle.describe()).status.name).toBe('RUNNING');
        await handle.terminate('test over');
      }
    });
    await recordHistory(env.client.workflow.getHandle(`payments/${cycleId}`), 'payment-follow-ups');
  });
});

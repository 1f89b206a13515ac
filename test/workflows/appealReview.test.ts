// Appeals on the time-skipping server with real activities on a real SQLite file: each test
// appeals the first quarter of its own year, decided beforehand, so no test sees another's rows.
// The tests that need the server's clock to move (the deadline, the overturn's notice chase) have
// files of their own: after an appeal review has ended, a sleep on the same server did not
// advance its clock (its abandoned children seem to keep time skipping locked).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { ApplicationFailure } from '@temporalio/activity';
import { createActivities } from '../../src/activities/index.js';
import { paymentTiming } from '../../src/activities/paymentFollowUps.js';
import { confirmReceipt, recordPayment } from '../../src/api/paymentLedger.js';
import { createInboxNotifier, type Notifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { appealWorkflowId } from '../../src/contracts/appeals.js';
import { appealStateQuery } from '../../src/workflows/appealMessages.js';
import { paymentWorkflowId } from '../../src/contracts/payments.js';
import { paymentRecordedSignal, receiptConfirmedSignal, verificationStateQuery } from '../../src/workflows/paymentMessages.js';
import { paymentVerification } from '../../src/workflows/paymentVerification.js';
import { appealCounty, type AppealCounty } from '../support/appeals.js';
import { recordHistory } from '../support/histories.js';

let t: AppealCounty;
let env: AppealCounty['env'];
let db: Db;

beforeAll(async () => {
  t = await appealCounty('appeal-review');
  ({ env, db } = t);
});
afterEach(() => t.cleanup());
afterAll(() => t?.stop());

const today = () => new Date().toISOString().slice(0, 10);

describe('appealReview', () => {
  it('holds payment while the appeal is open: no settling, reminding or escalating, and resumes once decided', async () => {
    const q = await t.decidedQuarter(2025);
    const obligation = await db.paymentObligation.findFirstOrThrow({ where: { cycleId: q.cycleId, payeeId: { not: q.officer } }, orderBy: { id: 'asc' } });
    const timing = paymentTiming(loadDefaultRuleSet().parameters);
    const w = await t.worker('frozen');
    await w.runUntil(async () => {
      const id = await t.fileAndStart(q, 'frozen');
      const pay = await env.client.workflow.start(paymentVerification, {
        workflowId: paymentWorkflowId(obligation.id),
        taskQueue: 'frozen',
        args: [{ obligationId: obligation.id, dueOn: obligation.dueOn, timing }],
      });
      t.started.push(pay.workflowId);
      await expect.poll(async () => (await pay.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('frozen');
      const overdueBefore = await db.notice.count({ where: { about: obligation.id, kind: 'payment-overdue' } });
      // Paid in full and confirmed: without the appeal this settles at once.
      const paidOn = today();
      await recordPayment(db, { actor: 'finance', countyId: obligation.countyId }, paidOn, {
        obligationId: obligation.id,
        amount: obligation.amountFen / 100,
        paidOn,
        reference: `FIN-${obligation.id}`,
      });
      await pay.signal(paymentRecordedSignal, { reference: `FIN-${obligation.id}` });
      await confirmReceipt(db, { actor: obligation.payeeId, countyId: obligation.countyId, payee: obligation.payeeId }, new Date(), obligation.id);
      await pay.signal(receiptConfirmedSignal, { confirmedFen: obligation.amountFen });
      // The workflow has reviewed the payment (it told the payee) and still holds it.
      await expect.poll(() => db.notice.count({ where: { id: `${obligation.id}/payment-recorded/FIN-${obligation.id}` } }), { timeout: 30_000 }).toBe(1);
      await pay.signal(receiptConfirmedSignal, { confirmedFen: obligation.amountFen });
      expect(await pay.query(verificationStateQuery)).toMatchObject({ step: 'frozen', frozenBy: [id] });
      expect((await db.paymentObligation.findUniqueOrThrow({ where: { id: obligation.id } })).status).toBe('paid');
      expect(await db.notice.count({ where: { about: obligation.id, kind: { in: ['payment-overdue', 'payment-reminder'] } } })).toBe(overdueBefore);

      await t.decide(id, { outcome: 'upheld', reason: '维持' });
      await env.client.workflow.getHandle(appealWorkflowId(id)).result();
      await expect
        .poll(async () => (await db.paymentObligation.findUniqueOrThrow({ where: { id: obligation.id } })).status, { timeout: 30_000 })
        .toBe('settled');
      await recordHistory(pay, 'payment-verification-appeal-freeze');
      await recordHistory(env.client.workflow.getHandle(appealWorkflowId(id)), 'appeal-review-upheld');
    });
  });
  it('upheld: tells the bureau, then the officer and finance; nothing is re-decided', async () => {
    const q = await t.decidedQuarter(2021);
    const before = await t.standing(q.cycleId);
    const w = await t.worker('upheld');
    const outcome = await w.runUntil(async () => {
      const id = await t.fileAndStart(q, 'upheld');
      const handle = env.client.workflow.getHandle(appealWorkflowId(id));
      await expect.poll(async () => (await handle.query(appealStateQuery)).step, { timeout: 30_000 }).toBe('waiting-for-decision');
      await t.decide(id, { outcome: 'upheld', reason: '调查样本符合规定' });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'upheld', reminders: 0, escalated: false });
    expect(await t.standing(q.cycleId)).toEqual(before);
    const notices = await db.notice.findMany({ where: { about: `appeal/${outcome.appealId}` }, include: { recipients: true }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => [n.kind, n.recipients.map((r) => `${r.recipientType}:${r.recipientId}`).sort()])).toEqual([
      ['appeal-decided', ['finance:finance', `officer:${q.officer}`]],
      ['appeal-filed', ['bureau:head']],
      ['appeal-payments-frozen', ['finance:finance']],
    ]);
    expect(notices[0]!.bodyZh).toContain('维持原决定');
  });
  it('a worker that fails mid-re-decision and after it loses nothing and writes nothing twice', async () => {
    const q = await t.decidedQuarter(2024);
    const real = t.activities();
    const failures: string[] = [];
    // The first attempt fails inside its transaction (half of the re-decision written, then
    // rolled back); the second commits and then "dies" before reporting; the third finds it done.
    const flaky: Notifier = {
      async publish(tx, n) {
        if (n.kind === 'notice-withdrawn' && !failures.includes('mid')) {
          failures.push('mid');
          throw new Error('worker killed mid-re-decision');
        }
        return createInboxNotifier().publish(tx, n);
      },
    };
    const acts = createActivities({ db, notifier: flaky, clock: () => new Date() });
    const w = await t.worker('flaky', {
      ...acts,
      async redecideAppeal(input: { appealId: number }) {
        const r = await acts.redecideAppeal(input);
        if (!failures.includes('after')) {
          failures.push('after');
          throw ApplicationFailure.retryable('worker killed after the commit');
        }
        return r;
      },
    });
    const outcome = await w.runUntil(async () => {
      const id = await t.fileAndStart(q, 'flaky');
      await t.decide(id, { outcome: 'overturned', reason: '复核确认' });
      return env.client.workflow.getHandle(appealWorkflowId(id)).result();
    });
    expect(failures).toEqual(['mid', 'after']);
    const after = await t.standing(q.cycleId);
    const byAppeal = after.decisions.filter((d) => d.appealId === outcome.appealId);
    expect(new Set(byAppeal.map((d) => `${d.kind}/${d.subjectId}`)).size).toBe(byAppeal.length);
    expect(after.evaluations.filter((e) => e.revision === 1)).toHaveLength(after.evaluations.filter((e) => e.supersededAt !== null).length);
    // Every standing row has exactly one successor chain: one standing evaluation per office, one standing decision per slot.
    const standingEvals = after.evaluations.filter((e) => e.supersededAt === null);
    expect(new Set(standingEvals.map((e) => e.communityId)).size).toBe(standingEvals.length);
    const standingDecisions = after.decisions.filter((d) => d.supersededAt === null);
    expect(new Set(standingDecisions.map((d) => `${d.kind}/${d.subjectId}`)).size).toBe(standingDecisions.length);
    // Nothing lost: each obligation follows a standing decision of its amount; the audit has one re-decision.
    for (const o of after.obligations) expect(standingDecisions.find((d) => d.id === o.decisionId)).toMatchObject({ amountFen: o.amountFen });
    expect(await db.auditEntry.count({ where: { entity: 'Appeal', entityId: String(outcome.appealId), action: 'redecide' } })).toBe(1);
    expect(await db.notice.count({ where: { kind: 'notice-withdrawn', about: `${q.cycleId}/joint-notice/${q.last}` } })).toBe(1);
    // Running it once more by hand changes nothing either.
    const again = await real.redecideAppeal({ appealId: outcome.appealId });
    expect(again.redecided).toBe(true);
    expect(await t.standing(q.cycleId)).toEqual(after);
  });
});

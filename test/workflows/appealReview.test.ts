// Appeals on the time-skipping server with real activities on a real SQLite file: each test
// appeals the first quarter of its own year, decided beforehand, so no test sees another's rows.
// The tests that skip days run first: run after the overturn test, a sleep on this server did not
// advance its clock (something the overturn starts keeps time skipping locked; not pinned down).
import { ApplicationFailure } from '@temporalio/activity';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { confirmReceipt, recordPayment } from '../../src/api/paymentLedger.js';
import { decideAppeal, fileAppeal, type AppealDecision } from '../../src/api/appealLedger.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier, type Notifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { paymentTiming } from '../../src/activities/paymentFollowUps.js';
import { appealDecidedSignal, appealStateQuery, appealWorkflowId } from '../../src/workflows/appealMessages.js';
import { appealReview } from '../../src/workflows/appealReview.js';
import { jointNoticeAcknowledgement } from '../../src/workflows/jointNoticeAcknowledgement.js';
import { paymentRecordedSignal, paymentWorkflowId, receiptConfirmedSignal, verificationStateQuery } from '../../src/workflows/paymentMessages.js';
import { paymentVerification } from '../../src/workflows/paymentVerification.js';
import { decideQuarters } from '../support/decidedQuarters.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';

const day = 86_400_000;
let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
const activities = () => createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });

beforeAll(async () => {
  // Bindings from 2020, so every year's first quarter below has its offices.
  county = await timeSkippingCounty('appeal-review', '2020-01-01');
  ({ env, db } = county);
});

// A workflow left running with no worker holds up time skipping for every later test.
const started: string[] = [];
afterEach(async () => {
  // Notice deliveries the workflows started as abandoned children, too.
  for (const { id } of await db.notice.findMany({ select: { id: true } })) started.push(`delivery/${id}`);
  for (const id of started.splice(0)) await env.client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
});
afterAll(() => county?.stop());

// Decisions are stamped with this process's clock; the window is judged by it too.
const today = () => new Date().toISOString().slice(0, 10);

/** Decides `year`-Q1 and returns it with its last office and that office's first officer. */
async function decidedQuarter(year: number) {
  await decideQuarters(db, activities(), year, [0]);
  const cycleId = `quarterly-${year}-Q1`;
  const last = await db.evaluation.findFirstOrThrow({ where: { cycleId, isLast: true } });
  const officer = await db.binding.findFirstOrThrow({ where: { communityId: last.communityId, subjectType: 'officer' }, orderBy: { subjectId: 'asc' } });
  return { cycleId, year, last: last.communityId, officer: officer.subjectId };
}

/** The last office's officer claims a satisfaction rate of 1: enough to lift the office off last place. */
async function fileAndStart(q: Awaited<ReturnType<typeof decidedQuarter>>, taskQueue: string) {
  const { appeal, timing } = await fileAppeal(db, q.officer, today(), {
    contests: 'evaluation', officerId: q.officer, cycleId: q.cycleId, reason: '满意率调查漏计一个小区', metric: 'satisfaction', value: 1,
  });
  await createTemporalCycles(env.client, taskQueue).startAppeal(appeal.id, timing);
  started.push(appealWorkflowId(appeal.id));
  return appeal.id;
}

async function decide(appealId: number, d: AppealDecision) {
  const a = await decideAppeal(db, 'bureau', new Date(), appealId, d);
  await env.client.workflow.getHandle(appealWorkflowId(appealId)).signal(appealDecidedSignal, { status: a.status });
}

const standing = async (cycleId: string) => ({
  evaluations: await db.evaluation.findMany({ where: { cycleId }, orderBy: [{ communityId: 'asc' }, { revision: 'asc' }] }),
  decisions: await db.decision.findMany({ where: { cycleId }, orderBy: { id: 'asc' } }),
  obligations: await db.paymentObligation.findMany({ where: { cycleId }, orderBy: { id: 'asc' } }),
});

const worker = (taskQueue: string, acts = activities()) => Worker.create({
  connection: env.nativeConnection, taskQueue, workflowBundle: { codePath: inject('workflowBundlePath') }, activities: acts, shutdownGraceTime: '100ms',
});

describe('appealReview', () => {
  it('upheld: tells the bureau, then the officer and finance; nothing is re-decided', async () => {
    const q = await decidedQuarter(2021);
    const before = await standing(q.cycleId);
    const w = await worker('upheld');
    const outcome = await w.runUntil(async () => {
      const id = await fileAndStart(q, 'upheld');
      const handle = env.client.workflow.getHandle(appealWorkflowId(id));
      await expect.poll(async () => (await handle.query(appealStateQuery)).step, { timeout: 30_000 }).toBe('waiting-for-decision');
      await decide(id, { outcome: 'upheld', reason: '调查样本符合规定' });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'upheld', reminders: 0, escalated: false });
    expect(await standing(q.cycleId)).toEqual(before);
    const notices = await db.notice.findMany({ where: { about: `appeal/${outcome.appealId}` }, include: { recipients: true }, orderBy: { id: 'asc' } });
    expect(notices.map((n) => [n.kind, n.recipients.map((r) => `${r.recipientType}:${r.recipientId}`).sort()])).toEqual([
      ['appeal-decided', ['finance:finance', `officer:${q.officer}`]],
      ['appeal-filed', ['bureau:bureau']],
      ['appeal-payments-frozen', ['finance:finance']],
    ]);
    expect(notices[0]!.bodyZh).toContain('维持原决定');
  });

  it('deadline missed: reminds the bureau, escalates to the bureau head at the deadline, and still concludes when decided', async () => {
    const q = await decidedQuarter(2023);
    const w = await worker('deadline');
    const outcome = await w.runUntil(async () => {
      const id = await fileAndStart(q, 'deadline');
      const handle = env.client.workflow.getHandle(appealWorkflowId(id));
      await env.sleep(16 * day);
      await expect.poll(async () => (await handle.query(appealStateQuery)), { timeout: 30_000 }).toMatchObject({ escalated: true, reminders: 5 });
      await decide(id, { outcome: 'upheld', reason: '逾期后复核，维持' });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'upheld', escalated: true });
    const notices = await db.notice.findMany({ where: { about: `appeal/${outcome.appealId}` }, include: { recipients: true }, orderBy: { createdAt: 'asc' } });
    expect(notices.filter((n) => n.kind === 'appeal-reminder').map((n) => n.id)).toEqual([1, 2, 3, 4, 5].map((r) => `appeal/${outcome.appealId}/reminder/${r}`));
    const escalation = notices.find((n) => n.kind === 'appeal-escalation')!;
    expect(escalation.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head']);
    expect(escalation.bodyZh).toContain('已过决定期限');
  });

  it('holds payment while the appeal is open: no settling, reminding or escalating, and resumes once decided', async () => {
    const q = await decidedQuarter(2025);
    const obligation = await db.paymentObligation.findFirstOrThrow({ where: { cycleId: q.cycleId, payeeId: { not: q.officer } }, orderBy: { id: 'asc' } });
    const timing = paymentTiming(loadDefaultRuleSet().parameters);
    const w = await worker('frozen');
    await w.runUntil(async () => {
      const id = await fileAndStart(q, 'frozen');
      const pay = await env.client.workflow.start(paymentVerification, {
        workflowId: paymentWorkflowId(obligation.id), taskQueue: 'frozen', args: [{ obligationId: obligation.id, dueOn: obligation.dueOn, timing }],
      });
      started.push(pay.workflowId);
      await expect.poll(async () => (await pay.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('frozen');
      const overdueBefore = await db.notice.count({ where: { about: obligation.id, kind: 'payment-overdue' } });
      // Paid in full and confirmed: without the appeal this settles at once.
      const paidOn = today();
      await recordPayment(db, 'finance', paidOn, { obligationId: obligation.id, amount: obligation.amountFen / 100, paidOn, reference: `FIN-${obligation.id}` });
      await pay.signal(paymentRecordedSignal, { reference: `FIN-${obligation.id}` });
      await confirmReceipt(db, obligation.payeeId, new Date(), obligation.id);
      await pay.signal(receiptConfirmedSignal, { confirmedFen: obligation.amountFen });
      await env.sleep(20 * day);
      expect(await pay.query(verificationStateQuery)).toMatchObject({ step: 'frozen', frozenBy: [id] });
      expect((await db.paymentObligation.findUniqueOrThrow({ where: { id: obligation.id } })).status).toBe('paid');
      expect(await db.notice.count({ where: { about: obligation.id, kind: { in: ['payment-overdue', 'payment-reminder'] } } })).toBe(overdueBefore);

      await decide(id, { outcome: 'upheld', reason: '维持' });
      await env.client.workflow.getHandle(appealWorkflowId(id)).result();
      await expect.poll(async () => (await db.paymentObligation.findUniqueOrThrow({ where: { id: obligation.id } })).status, { timeout: 30_000 }).toBe('settled');
    });
  });

  it('overturned: re-decides under the cycle\'s rule set, supersedes rows, corrects obligations, withdraws the joint notice', async () => {
    const q = await decidedQuarter(2022);
    const before = await standing(q.cycleId);
    const jointNotice = `${q.cycleId}/joint-notice/${q.last}`;
    // A later rule-set version doubling the subsidy must not touch a period decided before it.
    const rs = loadDefaultRuleSet();
    await db.ruleSetVersion.create({ data: {
      name: 'double-subsidy', document: { ...rs, parameters: { ...rs.parameters, subsidyPerOfficerPerMonth: 1000 } } as object, effectiveFrom: '2000-01-01', author: 'test', reason: 'later policy',
    } });
    const w = await worker('overturned');
    const { outcome, chase } = await w.runUntil(async () => {
      const chaseHandle = await env.client.workflow.start(jointNoticeAcknowledgement, {
        workflowId: `notice/${jointNotice}`, taskQueue: 'overturned', args: [{ noticeId: jointNotice, remindEveryDays: 3, escalateAfterDays: 7 }],
      });
      started.push(chaseHandle.workflowId);
      const id = await fileAndStart(q, 'overturned');
      await decide(id, { outcome: 'overturned', reason: '复核确认满意率调查漏计' });
      const result = await env.client.workflow.getHandle(appealWorkflowId(id)).result();
      return { outcome: result, chase: await chaseHandle.result() };
    });
    expect(outcome).toMatchObject({ status: 'overturned' });
    const appeal = await db.appeal.findUniqueOrThrow({ where: { id: outcome.appealId } });
    expect(appeal.redecidedAt).not.toBeNull();
    const after = await standing(q.cycleId);

    // Scores and ranks: the appellant's office gains a new row; the old one keeps its values and names its successor.
    const oldEval = after.evaluations.find((e) => e.communityId === q.last && e.revision === 0)!;
    const newEval = after.evaluations.find((e) => e.communityId === q.last && e.revision === 1)!;
    const { score, rank, isLast, breakdown } = before.evaluations.find((e) => e.communityId === q.last)!;
    expect(oldEval).toMatchObject({ score, rank, isLast, breakdown, supersededBy: newEval.id, supersededByAppeal: appeal.id, supersededAt: expect.any(Date) });
    expect(oldEval.supersededReason).toContain(`appeal ${appeal.id}`);
    expect(newEval).toMatchObject({ appealId: appeal.id, isLast: false, supersededAt: null });
    expect(newEval.score).toBeGreaterThan(oldEval.score);
    const standingLast = after.evaluations.filter((e) => e.supersededAt === null && e.isLast).map((e) => e.communityId);
    started.push(`notice/${q.cycleId}/joint-notice/${standingLast[0]}`);
    expect(standingLast).toHaveLength(1);
    expect(standingLast[0]).not.toBe(q.last);

    // Sanctions: the appellant's fall away (no successor), the new last office's are new rows.
    for (const kind of ['circulated-criticism', 'admonishment-talk']) {
      expect(after.decisions.find((d) => d.id === `${q.cycleId}/${kind}/${q.last}`)).toMatchObject({ supersededBy: null, supersededByAppeal: appeal.id, supersededAt: expect.any(Date) });
      expect(after.decisions.find((d) => d.id === `${q.cycleId}/${kind}/${standingLast[0]}/appeal-${appeal.id}`)).toMatchObject({ appealId: appeal.id, revision: 0, supersededAt: null });
    }

    // Subsidies: each changed amount is a new decision; the obligation follows it and its payee is told.
    const changed = after.obligations.filter((o) => o.amountFen !== before.obligations.find((b) => b.id === o.id)!.amountFen);
    expect(changed.length).toBeGreaterThan(0);
    for (const o of changed) {
      const old = before.obligations.find((b) => b.id === o.id)!;
      const oldDecision = after.decisions.find((d) => d.id === old.decisionId)!;
      expect(oldDecision).toMatchObject({ amountFen: old.amountFen, supersededBy: o.decisionId, supersededByAppeal: appeal.id });
      expect(after.decisions.find((d) => d.id === o.decisionId)).toMatchObject({ amountFen: o.amountFen, revision: 1, appealId: appeal.id });
      const notice = await db.notice.findUniqueOrThrow({ where: { id: `${o.id}/payment-corrected/appeal-${appeal.id}` }, include: { recipients: true } });
      expect(notice.recipients.map((r) => r.recipientId)).toEqual([o.payeeId]);
    }
    expect(await db.notice.count({ where: { kind: 'payment-corrected', id: { contains: `/appeal-${appeal.id}` } } })).toBe(changed.length);
    const subsidyTotal = after.obligations.reduce((s, o) => s + o.amountFen, 0);
    expect(Math.abs(subsidyTotal - 500 * 100 * 3 * after.obligations.length)).toBeLessThanOrEqual(after.obligations.length);

    // The joint notice is withdrawn with a notice to its recipients, and its chase ends.
    const withdrawn = await db.notice.findUniqueOrThrow({ where: { id: jointNotice }, include: { recipients: true } });
    expect(withdrawn.withdrawnAt).not.toBeNull();
    const withdrawal = await db.notice.findUniqueOrThrow({ where: { id: `${jointNotice}/withdrawn` }, include: { recipients: true } });
    expect(withdrawal.recipients.map((r) => r.recipientId).sort()).toEqual(withdrawn.recipients.map((r) => r.recipientId).sort());
    expect(chase.noticeId).toBe(jointNotice);
    expect(await db.notice.count({ where: { kind: 'notice-reminder', about: jointNotice, createdAt: { gt: withdrawn.withdrawnAt! } } })).toBe(0);
    const newNotice = `${q.cycleId}/joint-notice/${standingLast[0]}`;
    expect(await env.client.workflow.getHandle(`notice/${newNotice}`).describe()).toMatchObject({ type: 'jointNoticeAcknowledgement' });

    // The explanation tells the chain in both languages.
    const decided = await db.notice.findUniqueOrThrow({ where: { id: `appeal/${appeal.id}/decided` } });
    expect(decided.bodyZh).toContain('改判');
    expect(decided.bodyZh).toContain(`撤回通报${jointNotice}`);
    expect(decided.bodyEn).toContain(`notice ${jointNotice} withdrawn`);
  });

  it('a worker that fails mid-re-decision and after it loses nothing and writes nothing twice', async () => {
    const q = await decidedQuarter(2024);
    const real = activities();
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
    const w = await worker('flaky', {
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
      const id = await fileAndStart(q, 'flaky');
      await decide(id, { outcome: 'overturned', reason: '复核确认' });
      return env.client.workflow.getHandle(appealWorkflowId(id)).result();
    });
    expect(failures).toEqual(['mid', 'after']);
    const after = await standing(q.cycleId);
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
    expect(await standing(q.cycleId)).toEqual(after);
  });
});

// An overturned appeal on the time-skipping server (a file of its own: the withdrawn notice's
// chase must see the server's clock move): re-decision, supersession, corrected obligations,
// the joint notice withdrawn and its chase ended.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { appealWorkflowId } from '../../src/contracts/appeals.js';
import { recordHistory } from '../support/histories.js';
import { jointNoticeAcknowledgement } from '../../src/workflows/jointNoticeAcknowledgement.js';
import { appealCounty, type AppealCounty } from '../support/appeals.js';

let t: AppealCounty;
let env: AppealCounty['env'];
let db: Db;

beforeAll(async () => {
  t = await appealCounty('appeal-overturn');
  ({ env, db } = t);
});
afterEach(() => t.cleanup());
afterAll(() => t?.stop());

describe('appealReview', () => {
  it("overturned: re-decides under the cycle's rule set, supersedes rows, corrects obligations, withdraws the joint notice", async () => {
    const q = await t.decidedQuarter(2022);
    const before = await t.standing(q.cycleId);
    const jointNotice = `${q.cycleId}/joint-notice/${q.last}`;
    // A later rule-set version doubling the subsidy must not touch a period decided before it.
    const rs = loadDefaultRuleSet();
    await db.ruleSetVersion.create({
      data: {
        countyId: 'county-1',
        name: 'double-subsidy',
        document: { ...rs, parameters: { ...rs.parameters, subsidyPerOfficerPerMonth: 1000 } } as object,
        effectiveFrom: '2000-01-01',
        author: 'test',
        reason: 'later policy',
      },
    });
    const w = await t.worker('overturned');
    const { outcome, chase } = await w.runUntil(async () => {
      const chaseHandle = await env.client.workflow.start(jointNoticeAcknowledgement, {
        workflowId: `notice/${jointNotice}`,
        taskQueue: 'overturned',
        args: [{ noticeId: jointNotice, remindEveryDays: 3, escalateAfterDays: 7 }],
      });
      t.started.push(chaseHandle.workflowId);
      const id = await t.fileAndStart(q, 'overturned');
      await t.decide(id, { outcome: 'overturned', reason: '复核确认满意率调查漏计' });
      const review = env.client.workflow.getHandle(appealWorkflowId(id));
      const result = await review.result();
      await recordHistory(review, 'appeal-review-overturned');
      return { outcome: result, chase: await chaseHandle.result() };
    });
    expect(outcome).toMatchObject({ status: 'overturned' });
    const appeal = await db.appeal.findUniqueOrThrow({ where: { id: outcome.appealId } });
    expect(appeal.redecidedAt).not.toBeNull();
    const after = await t.standing(q.cycleId);

    // Scores and ranks: the appellant's office gains a new row; the old one keeps its values and names its successor.
    const oldEval = after.evaluations.find((e) => e.communityId === q.last && e.revision === 0)!;
    const newEval = after.evaluations.find((e) => e.communityId === q.last && e.revision === 1)!;
    const { score, rank, isLast, breakdown } = before.evaluations.find((e) => e.communityId === q.last)!;
    expect(oldEval).toMatchObject({ score, rank, isLast, breakdown, supersededBy: newEval.id, supersededByAppeal: appeal.id, supersededAt: expect.any(Date) });
    expect(oldEval.supersededReason).toContain(`appeal ${appeal.id}`);
    expect(newEval).toMatchObject({ appealId: appeal.id, isLast: false, supersededAt: null });
    expect(newEval.score).toBeGreaterThan(oldEval.score);
    const standingLast = after.evaluations.filter((e) => e.supersededAt === null && e.isLast).map((e) => e.communityId);
    t.started.push(`notice/${q.cycleId}/joint-notice/${standingLast[0]}`);
    expect(standingLast).toHaveLength(1);
    expect(standingLast[0]).not.toBe(q.last);

    // Sanctions: the appellant's fall away (no successor), the new last office's are new rows.
    for (const kind of ['circulated-criticism', 'admonishment-talk']) {
      expect(after.decisions.find((d) => d.id === `${q.cycleId}/${kind}/${q.last}`)).toMatchObject({
        supersededBy: null,
        supersededByAppeal: appeal.id,
        supersededAt: expect.any(Date),
      });
      expect(after.decisions.find((d) => d.id === `${q.cycleId}/${kind}/${standingLast[0]}/appeal-${appeal.id}`)).toMatchObject({
        appealId: appeal.id,
        revision: 0,
        supersededAt: null,
      });
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
});

// A decided quarter in the demo county starts one payment verification per subsidy obligation,
// under the obligation's own id, through the cycle's follow-up planner.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { paymentWorkflowId } from '../../src/contracts/payments.js';
import { verificationStateQuery } from '../../src/workflows/paymentMessages.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { submitDemoFigures } from '../support/figures.js';

let county: TimeSkippingCounty;

beforeAll(async () => {
  county = await timeSkippingCounty('payment-cycle', '2026-01-01');
});

afterAll(() => county?.stop());

it('follows every subsidy obligation of a decided quarter with its own workflow', async () => {
  const { env, db } = county;
  const period = '2026-Q1';
  const communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  await submitDemoFigures(db, period, communities);
  const worker = await county.worker('cycle', () => new Date('2026-04-02T00:00:00Z'));
  // The bureau's own payment timings travel from the rule set in force into every verification.
  const ruleSet = loadDefaultRuleSet();
  await db.ruleSetVersion.create({
    data: {
      countyId: 'county-1',
      name: 'faster-escalation',
      document: { ...ruleSet, parameters: { ...ruleSet.parameters, paymentEscalationDays: 3 } } as object,
      effectiveFrom: '2026-01-01',
      author: 'test',
      reason: 'escalate twice a week',
    },
  });
  const obligations = await worker.runUntil(async () => {
    await env.client.workflow.execute(periodEvaluation, {
      workflowId: `quarterly-${period}`,
      taskQueue: 'cycle',
      args: [{ cycleId: `quarterly-${period}`, period }],
    });
    const rows = await db.paymentObligation.findMany({ where: { cycleId: `quarterly-${period}` } });
    for (const o of rows) {
      const handle = env.client.workflow.getHandle(paymentWorkflowId(o.id));
      await expect.poll(async () => (await handle.query(verificationStateQuery)).step, { timeout: 30_000 }).toBe('waiting');
      await handle.terminate('test over');
    }
    return rows;
  });
  expect(obligations.length).toBeGreaterThan(0);
  expect(obligations.every((o) => o.kind === 'subsidy' && o.id.startsWith(`${period}/subsidy/`))).toBe(true);
  const page = await createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() }).obligationPage({
    cycleId: `quarterly-${period}`,
    limit: 1,
  });
  expect(page.followUps[0]!.args[0]).toMatchObject({ timing: { remindDaysBefore: 7, escalateEveryDays: 3, settleAfterDays: 30, disputeWindowDays: 90 } });
});

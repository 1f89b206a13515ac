// A decided quarter in the demo county starts one payment verification for all its subsidy
// obligations, under the cycle's id, through the cycle's follow-up planner.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { WorkflowNotFoundError } from '@temporalio/client';
import { cyclePaymentWorkflowId, paymentWorkflowId } from '../../src/contracts/payments.js';
import { paymentVerifications } from '../../src/activities/paymentFollowUps.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { submitDemoFigures } from '../support/figures.js';

let county: TimeSkippingCounty;

beforeAll(async () => {
  county = await timeSkippingCounty('payment-cycle', '2026-01-01');
});

afterAll(() => county?.stop());

it('follows every subsidy obligation of a decided quarter with one workflow of the cycle', async () => {
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
    // Every obligation looked at once, by the one workflow, which then waits for the next look.
    const cycleId = `quarterly-${period}`;
    await expect.poll(() => db.paymentObligation.count({ where: { cycleId, lookedAt: null } }), { timeout: 30_000 }).toBe(0);
    const handle = env.client.workflow.getHandle(cyclePaymentWorkflowId(cycleId));
    const { events } = await handle.fetchHistory();
    await handle.terminate('test over');
    return { rows: await db.paymentObligation.findMany({ where: { cycleId } }), started: events![0]!.workflowExecutionStartedEventAttributes! };
  });
  expect(obligations.rows.length).toBeGreaterThan(0);
  expect(obligations.rows.every((o) => o.kind === 'subsidy' && o.id.startsWith(`${period}/subsidy/`))).toBe(true);
  expect(obligations.started.workflowType?.name).toBe('cyclePaymentVerification');
  for (const o of obligations.rows) await expect(env.client.workflow.getHandle(paymentWorkflowId(o.id)).describe()).rejects.toThrow(WorkflowNotFoundError);
  const [planned] = await paymentVerifications(db, `quarterly-${period}`);
  expect(planned!.args[0]).toMatchObject({ timing: { remindDaysBefore: 7, escalateEveryDays: 3, settleAfterDays: 30, disputeWindowDays: 90 } });
});

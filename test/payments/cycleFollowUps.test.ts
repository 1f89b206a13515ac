// A decided quarter in the demo county starts one payment verification per subsidy obligation,
// under the obligation's own id, through the cycle's follow-up planner.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { paymentWorkflowId, verificationStateQuery } from '../../src/workflows/paymentMessages.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { timeSkippingCounty } from '../support/timeSkippingCounty.js';
import { demoFigures } from '../support/figures.js';

let env: TestWorkflowEnvironment;
let db: Db;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ env, db, stop } = await timeSkippingCounty('payment-cycle', '2026-01-01'));
});

afterAll(() => stop?.());

it('follows every subsidy obligation of a decided quarter with its own workflow', async () => {
  const period = '2026-Q1';
  const communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  for (const f of demoFigures(communities)) await db.metricSubmission.create({ data: { period, ...f, submittedBy: 'zhian', actor: 'test' } });
  const worker = await Worker.create({
    connection: env.nativeConnection, taskQueue: 'cycle', workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') }),
  });
  // The bureau's own payment timings travel from the rule set in force into every verification.
  const ruleSet = loadDefaultRuleSet();
  await db.ruleSetVersion.create({ data: {
    name: 'faster-escalation', document: { ...ruleSet, parameters: { ...ruleSet.parameters, paymentEscalationDays: 3 } } as object,
    effectiveFrom: '2026-01-01', author: 'test', reason: 'escalate twice a week',
  } });
  const obligations = await worker.runUntil(async () => {
    await env.client.workflow.execute(periodEvaluation, { workflowId: `quarterly-${period}`, taskQueue: 'cycle', args: [{ cycleId: `quarterly-${period}`, period }] });
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
  const page = await createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() }).obligationPage({ cycleId: `quarterly-${period}`, limit: 1 });
  expect(page.followUps[0]!.args[0]).toMatchObject({ timing: { remindDaysBefore: 7, escalateEveryDays: 3, settleAfterDays: 30, disputeWindowDays: 90 } });
});

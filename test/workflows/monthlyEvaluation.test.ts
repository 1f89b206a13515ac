// 月考 on the time-skipping server: the period workflow runs a month only once a rule-set
// version defines monthly rules. Its own file, so no quarter's follow-ups hold the clock.
import { WorkflowFailedError, WorkflowNotFoundError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { activateMonthlyAndHalfYear } from '../support/cadenceRules.js';
import { submitDemoFigures } from '../support/figures.js';
import { day, runningTime } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';

let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
let communities: string[];

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-monthly', '2025-01-01');
  ({ env, db } = county);
  communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
});

afterAll(() => county?.stop());

const worker = (taskQueue: string) => county.worker(taskQueue, () => new Date(2026, 4, 2));

describe('periodEvaluation for a month', () => {
  it('evaluates a month from the same workflow once 月考 is switched on: deadline, gaps, no subsidy', async () => {
    await activateMonthlyAndHalfYear(db, '2026-01-01');
    const period = '2026-04';
    await submitDemoFigures(db, period, communities.slice(0, 8));
    const w = await worker('month');
    const handle = await env.client.workflow.start(periodEvaluation, {
      workflowId: `monthly-${period}`,
      taskQueue: 'month',
      args: [{ cycleId: `monthly-${period}`, period }],
    });
    const summary = await w.runUntil(handle.result());

    expect(await runningTime(handle)).toBeGreaterThanOrEqual(7 * day);
    expect(summary).toMatchObject({ period, ranked: 8, unranked: communities.slice(8), obligations: 0, subsidyTotal: 0, sanctions: 1, notices: 1 });
    expect(await db.cycle.findUniqueOrThrow({ where: { id: `monthly-${period}` } })).toMatchObject({ kind: 'monthly', status: 'decided' });
    const chase = await db.notice.findFirstOrThrow({ where: { cycleId: `monthly-${period}`, kind: 'metrics-missing', about: 'zhian' } });
    expect(chase.titleZh).toBe('2026年4月考评数据催报');
    expect(summary.followUps.map((f) => f.workflowType)).toEqual(['jointNoticeAcknowledgement']);
  });

  it('fails a month the rules in force do not evaluate at once, without retrying, recording why', async () => {
    const w = await worker('month-off');
    const handle = await env.client.workflow.start(periodEvaluation, {
      workflowId: 'monthly-2025-11',
      taskQueue: 'month-off',
      args: [{ cycleId: 'monthly-2025-11', period: '2025-11' }],
    });
    const failure = await w.runUntil(async () => {
      const err = await handle.result().then(
        () => undefined,
        (e: unknown) => e,
      );
      // The bureau's notice is in the inbox; with no channel beyond it configured, no delivery
      // workflow was started for it (one that outlived its failed parent would hold the clock).
      const notice = await db.notice.findFirstOrThrow({ where: { cycleId: 'monthly-2025-11', kind: 'cycle-failed' } });
      await expect(env.client.workflow.getHandle(`delivery/${notice.id}`).describe()).rejects.toThrow(WorkflowNotFoundError);
      return err;
    });
    await recordHistory(handle, 'period-evaluation-failed-inbox-only');
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type: 'InvalidCycleInput', message: expect.stringMatching(/"rules\.monthly"/) });
    expect(await db.cycle.findUnique({ where: { id: 'monthly-2025-11' } })).toMatchObject({
      status: 'failed',
      failureType: 'InvalidCycleInput',
      failureReason: expect.stringMatching(/"rules\.monthly"/),
      ruleSetVersionId: 1,
    });
  });
});

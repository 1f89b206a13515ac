// The year-end cycle waits for quarterly cycles that have not decided yet. Its own file: the
// time-skipping server skips only while no workflow task waits, and the other year-end tests
// leave follow-up workflows behind without a worker.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { yearEndEvaluation } from '../../src/workflows/yearEndEvaluation.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { day, runningTime } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';

let county: TimeSkippingCounty;

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-year-end-wait', '2025-01-01');
});

afterAll(() => county?.stop());

it('waits for undecided quarters day by day, then decides on what there is', async () => {
  const { env } = county;
  const w = await county.worker('year-end-wait', () => new Date('2026-01-15T02:00:00Z'));
  const handle = await env.client.workflow.start(yearEndEvaluation, {
    workflowId: 'year-end-2025',
    taskQueue: 'year-end-wait',
    args: [{ cycleId: 'year-end-2025', year: 2025, waitDays: 10 }],
  });
  const summary = await w.runUntil(handle.result());
  expect(await runningTime(handle)).toBeGreaterThanOrEqual(10 * day);
  expect(summary).toMatchObject({ quartersUsed: [], ranked: 0, rewards: 0, rewardTotal: 0, followUps: [] });
  await recordHistory(handle, 'year-end-evaluation-waiting');
});

// The year-end workflow on the time-skipping server, with real activities on a real SQLite file.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { yearEndEvaluation } from '../../src/workflows/yearEndEvaluation.js';
import { timeSkippingCounty } from '../support/timeSkippingCounty.js';
import { day, runningTime } from '../support/runningTime.js';
import { decideQuarters } from '../support/decidedQuarters.js';
import { harness } from '../api/harness.js';
import { recordHistory } from '../support/histories.js';
import { firstCounty } from '../support/counties.js';

let env: TestWorkflowEnvironment;
let db: Db;
let stop: () => Promise<void>;
const activities = () => createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2027-01-15T02:00:00Z') });

beforeAll(async () => {
  ({ env, db, stop } = await timeSkippingCounty('workflow-year-end', '2026-01-01'));
  await decideQuarters(db, activities(), 2026, [1, 2, 3, 4]);
  await tieSecondAndThird();
});

/** Gives the year's third office the second's quarterly scores, so the two share second place. */
async function tieSecondAndThird() {
  const evaluations = await db.evaluation.findMany({ where: { period: { startsWith: '2026-Q' } } });
  const mean = (c: string) => evaluations.filter((e) => e.communityId === c).reduce((s, e) => s + e.score, 0);
  const [, second, third] = [...new Set(evaluations.map((e) => e.communityId))].sort((a, b) => mean(b) - mean(a));
  for (const e of evaluations.filter((x) => x.communityId === second)) {
    await db.evaluation.update({ where: { cycleId_communityId_revision: { cycleId: e.cycleId, communityId: third!, revision: 0 } }, data: { score: e.score } });
  }
}

afterAll(() => stop?.());

function worker(taskQueue: string) {
  return Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { codePath: inject('workflowBundlePath') }, activities: activities() });
}

describe('yearEndEvaluation', () => {
  it('ranks the year, rewards the top places (shared ranks share the reward) with payment obligations, and records honours', async () => {
    const w = await worker('year-end');
    const handle = await env.client.workflow.start(yearEndEvaluation, {
      workflowId: 'year-end-2026',
      taskQueue: 'year-end',
      args: [{ cycleId: 'year-end-2026', year: 2026 }],
    });
    const summary = await w.runUntil(handle.result());
    expect(await runningTime(handle)).toBeLessThan(day);
    expect(summary).toMatchObject({
      cycleId: 'year-end-2026',
      year: 2026,
      quartersUsed: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
      ranked: 10,
      rewards: 3,
      rewardTotal: 2600,
    });
    // The rewards are followed until paid, like the quarterly subsidies.
    expect(summary.followUps.map((f) => f.workflowType)).toContain('cyclePaymentVerification');

    const rewards = await db.decision.findMany({ where: { cycleId: 'year-end-2026' }, orderBy: { amountFen: 'desc' } });
    // Two offices tie for second place: both receive the second place's reward, and no one is third.
    expect(rewards.map((r) => [r.rule, r.amountFen])).toEqual([
      ['year-rank-1', 100000],
      ['year-rank-2', 80000],
      ['year-rank-2', 80000],
    ]);
    const obligations = await db.paymentObligation.findMany({ where: { cycleId: 'year-end-2026' }, orderBy: { amountFen: 'desc' } });
    expect(obligations.map((o) => [o.id, o.payeeType, o.amountFen, o.dueOn])).toEqual(
      rewards.map((r) => [`2026/reward/${r.subjectId}`, 'community', r.amountFen, '2027-01-30']),
    );

    const honours = await db.honourRecord.findMany({ orderBy: [{ honour: 'asc' }, { officerId: 'asc' }] });
    const officersOf = (i: number) => rewards[i]!.officers as string[];
    expect(honours.filter((h) => h.honour === 'deputy-section-level-recommendation').map((h) => [h.officerId, h.addressee, h.since])).toEqual(
      officersOf(0).map((o) => [o, 'county-committee', '2027-01-15']),
    );
    expect(
      honours
        .filter((h) => h.honour === 'reserve-talent-pool')
        .map((h) => h.officerId)
        .sort(),
    ).toEqual([...officersOf(1), ...officersOf(2)].sort());
    expect(await db.cycle.findUniqueOrThrow({ where: { id: 'year-end-2026' } })).toMatchObject({
      kind: 'year-end',
      period: '2026',
      status: 'decided',
      ruleSetVersionId: 1,
    });

    // The bureau staff of the county the year was decided in (workflows started without a county work in the first).
    const { as } = await harness(db);
    const staff = await as({ role: 'bureau-staff', countyId: firstCounty.id });
    const explained = await staff.get(`/api/decisions/${encodeURIComponent(rewards[0]!.id)}/explanation`);
    expect(explained.body).toMatchObject({ zh: '年度排名第1名：奖励1000元，推荐县委按副科级待遇', ruleSetVersion: { id: 1 } });
    expect(explained.body.en).toBe(
      'The year rank no. 1: a reward of 1000 yuan and a recommendation to the county committee for deputy-section-level treatment.',
    );

    // A retry or a second run writes nothing twice.
    expect(await activities().decideYearEnd({ cycleId: 'year-end-2026', year: 2026 })).toEqual(summary);
    expect(await db.honourRecord.count()).toBe(honours.length);
    await recordHistory(handle, 'year-end-evaluation');
  });

  it('refuses an impossible year without retrying', async () => {
    await expect(activities().decideYearEnd({ cycleId: 'year-end-20260', year: 20260 })).rejects.toMatchObject({
      type: 'InvalidCycleInput',
      nonRetryable: true,
    });
  });
});

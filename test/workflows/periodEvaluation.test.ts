// The period workflow on the time-skipping server, with real activities on a real SQLite file.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { cycleProgressQuery, figuresSubmittedSignal } from '../../src/workflows/messages.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { day, runningTime } from '../support/runningTime.js';
import { submitDemoFigures } from '../support/figures.js';
import { recordHistory } from '../support/histories.js';
import { webhookChannel } from '../support/receivers.js';

let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
let communities: string[];

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-quarterly', '2026-01-01');
  ({ env, db } = county);
  communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
});

afterAll(() => county?.stop());

const submit = (period: string, ids: string[]) => submitDemoFigures(db, period, ids);
// Activities see early October: both quarters decided below have ended.
const worker = (taskQueue: string) => county.worker(taskQueue, () => new Date(2026, 9, 2));

describe('periodEvaluation for a quarter', () => {
  it('evaluates what is there once the 7-day deadline passes, and records the gaps', async () => {
    const period = '2026-Q2';
    await submit(period, communities.slice(0, 9));
    const webhook = await webhookChannel();
    const w = await county.worker('deadline', () => new Date(2026, 9, 2), webhook.channels);
    const handle = await env.client.workflow.start(periodEvaluation, {
      workflowId: `quarterly-${period}`,
      taskQueue: 'deadline',
      args: [{ cycleId: `quarterly-${period}`, period, deadlineDays: 7 }],
    });
    const summary = await w.runUntil(handle.result());
    await webhook.receiver.close();

    expect(await runningTime(handle)).toBeGreaterThanOrEqual(7 * day);
    expect(summary.ranked).toBe(9);
    expect(summary.unranked).toEqual([communities[9]]);
    expect(summary.gaps).toHaveLength(7);
    expect(new Set(summary.gaps.map((g) => g.community))).toEqual(new Set([communities[9]]));
    const chase = await db.notice.findMany({ where: { cycleId: `quarterly-${period}`, kind: 'metrics-missing' }, include: { recipients: true } });
    expect(chase.map((n) => n.about).sort()).toEqual(['renkou', 'zhengong', 'zhian']);
    // Each chase also goes out by every configured channel, as joint notices do.
    for (const n of chase) expect((await env.client.workflow.getHandle(`delivery/${n.id}`).describe()).status.name).toBe('COMPLETED');
    for (const n of chase) expect(webhook.receiver.accepted.has(n.id)).toBe(true);
    expect(await db.cycle.findUniqueOrThrow({ where: { id: `quarterly-${period}` } })).toMatchObject({ status: 'decided' });
    await recordHistory(handle, 'period-evaluation');
  });

  it('uses figures that arrive before the deadline and decides without waiting for it', async () => {
    const period = '2026-Q3';
    await submit(period, communities.slice(0, 9));
    const w = await worker('early');
    const handle = env.client.workflow.getHandle(`quarterly-${period}`);
    const summary = await w.runUntil(async () => {
      await env.client.workflow.start(periodEvaluation, {
        workflowId: `quarterly-${period}`,
        taskQueue: 'early',
        args: [{ cycleId: `quarterly-${period}`, period, deadlineDays: 7 }],
      });
      await expect.poll(async () => (await handle.query(cycleProgressQuery)).step, { timeout: 30_000 }).toBe('waiting-for-figures');
      const progress = await handle.query(cycleProgressQuery);
      expect(progress.waitingFor.every((m) => m.community === communities[9])).toBe(true);
      await submit(period, [communities[9]!]);
      await handle.signal(figuresSubmittedSignal, { community: communities[9]!, metrics: [] });
      return handle.result();
    });

    expect(await runningTime(handle)).toBeLessThan(7 * day);
    expect(summary.ranked).toBe(10);
    expect(summary.gaps).toEqual([]);
    const evaluation = await db.evaluation.findUniqueOrThrow({
      where: { cycleId_communityId_revision: { cycleId: `quarterly-${period}`, communityId: communities[9]!, revision: 0 } },
    });
    expect(evaluation.missing).toEqual([]);
  });
});

// On the dev server: the demo county's year-end Schedule firing at 02:00 Asia/Shanghai on
// 15 January starts the county's cycle of the year just ended under its cycle id; it waits for
// undecided quarters, says so in its status, and a start by hand of the same year is refused.
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { daysMs } from '../../src/core/time.js';
import { CycleAlreadyStartedError } from '../../src/cycles/port.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { registerSchedules } from '../../src/temporal/schedules.js';
import { yearEndScheduleId } from '../../src/temporal/yearEndSchedule.js';
import { devServer, type DevServer } from '../support/devServer.js';
import { devNamespaces } from '../support/namespaces.js';
import { recordHistory } from '../support/histories.js';

const namespace = devNamespaces.yearEndSchedule;
const taskQueue = 'year-end-schedule-test';
let server: DevServer;
let client: Client;

beforeAll(async () => {
  server = await devServer(namespace, 'year-end-schedule', '2025-01-01');
  ({ client } = server);
});
afterAll(() => server?.close());

describe('the year-end Schedule', () => {
  it('is registered with explicit policies in the bureau time zone', async () => {
    const { byCounty } = await registerSchedules(client, taskQueue, 'Asia/Shanghai', ['demo']);
    expect(byCounty.demo).toContain(yearEndScheduleId(taskQueue, 'demo'));
    const description = await client.schedule.getHandle(yearEndScheduleId(taskQueue, 'demo')).describe();
    expect(description.action).toMatchObject({ workflowType: 'scheduledYearEnd', workflowId: `${taskQueue}/scheduled-year-end-demo`, args: ['demo'] });
    expect(description.policies.overlap).toBe('BUFFER_ONE');
    expect(description.policies.catchupWindow).toBe(daysMs(30));
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    expect(description.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }],
      dayOfMonth: [{ start: 15, end: 15, step: 1 }],
    });
  });

  it("starts the county's year just ended when it fires", async () => {
    const worker = await Worker.create({
      connection: server.nativeConnection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ db: server.db, notifier: createInboxNotifier(), clock: () => new Date() }),
    });
    await worker.runUntil(async () => {
      // 2026-01-15 02:00 in Shanghai is 2026-01-14 18:00 UTC.
      await client.schedule.getHandle(yearEndScheduleId(taskQueue, 'demo')).backfill({
        start: new Date('2026-01-14T17:59:00Z'),
        end: new Date('2026-01-14T18:01:00Z'),
        overlap: 'ALLOW_ALL',
      });
      const cycles = createTemporalCycles(client, taskQueue, server.db);
      await expect.poll(async () => (await cycles.status('year-end-2025-demo'))?.step, { timeout: 30_000, interval: 500 }).toBe('waiting-for-quarters');
      expect(await cycles.status('year-end-2025-demo')).toMatchObject({
        kind: 'year-end',
        period: '2025',
        execution: 'RUNNING',
        waitingForQuarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
      });
      await expect(cycles.start('demo', 'year-end', '2025', { userId: 'clerk', name: '办事员' })).rejects.toBeInstanceOf(CycleAlreadyStartedError);
      await client.workflow.getHandle('year-end-2025-demo').terminate('test over');
      const [launched] = (await client.schedule.getHandle(yearEndScheduleId(taskQueue, 'demo')).describe()).info.recentActions;
      await recordHistory(client.workflow.getHandle(launched!.action.workflow.workflowId), 'scheduled-year-end');
    });
  });
});

// On the dev server: the demo county's monthly presence Schedule's firing at 00:00 Asia/Shanghai
// on 1 October, run late (here by a backfill, as a catch-up would be), plans October, the month
// it was meant for, and not the month of the day it actually runs.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { presenceSchedule, presenceScheduleId } from '../../src/temporal/presenceSchedule.js';
import { devServer, type DevServer } from '../support/devServer.js';
import { devNamespaces } from '../support/namespaces.js';
import { fire } from '../support/schedules.js';

const namespace = devNamespaces.presenceSchedule;
const taskQueue = 'presence-schedule-test';
let server: DevServer;
let client: Client;

// Bound from 2027 on: October 2026 has no bound leader, so the launcher starts no month.
beforeAll(async () => {
  server = await devServer(namespace, 'presence-schedule', '2027-01-01');
  ({ client } = server);
  await client.schedule.create(presenceSchedule({ countyId: 'demo', taskQueue, timeZone: 'Asia/Shanghai' })).catch((err) => {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  });
});
afterAll(() => server?.close());

describe('the monthly presence Schedule', () => {
  it('plans the month of its intended firing when it runs late', async () => {
    const worker = await Worker.create({
      connection: server.nativeConnection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ db: server.db, notifier: createInboxNotifier(), clock: () => new Date() }),
    });
    // 2026-10-01 00:00 in Shanghai is 2026-09-30 16:00 UTC.
    const result = await worker.runUntil(async () => (await fire(client, presenceScheduleId(taskQueue, 'demo'), '2026-09-30T16:00:00Z')).result());
    expect(result).toEqual({ month: '2026-10', started: 0 });
  });
});

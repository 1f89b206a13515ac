// Schedules run only on a real server: on the dev server, the quarterly Schedule firing at
// 00:00 Asia/Shanghai on 1 April starts the cycle of 2026-Q1 under its cycle id.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { CycleAlreadyStartedError } from '../../src/cycles/port.js';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { registerSchedules } from '../../src/temporal/schedules.js';
import { freshSqlite } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';

const namespace = devNamespaces.schedules;
const taskQueue = 'schedules-test';
let connection: Connection;
let nativeConnection: NativeConnection;
let client: Client;
let db: Db;

beforeAll(async () => {
  connection = await Connection.connect({ address: inject('devServerAddress') });
  nativeConnection = await NativeConnection.connect({ address: inject('devServerAddress') });
  client = new Client({ connection, namespace });
  db = (await freshSqlite('schedules')).db;
  await seedDemoCounty(db, { today: '2026-01-01' });
});

afterAll(async () => {
  await db?.$disconnect();
  await nativeConnection?.close();
  await connection?.close();
});

describe('the quarterly Schedule', () => {
  it('is registered once with explicit policies, and re-registering updates it', async () => {
    const ids = await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    expect(await registerSchedules(client, taskQueue, 'Asia/Shanghai')).toEqual(ids);
    const description = await client.schedule.getHandle(ids[0]!).describe();
    expect(description.policies.overlap).toBe('BUFFER_ONE');
    expect(description.policies.catchupWindow).toBe(30 * 86_400_000);
    expect(description.spec.timezone).toBe('Asia/Shanghai');
  });

  it('starts the quarter just ended when it fires, and a later start by hand is refused', async () => {
    const [scheduleId] = await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    const worker = await Worker.create({
      connection: nativeConnection, namespace, taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() }),
    });
    await worker.runUntil(async () => {
      // 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC.
      await client.schedule.getHandle(scheduleId!).backfill({
        start: new Date('2026-03-31T15:59:00Z'), end: new Date('2026-03-31T16:01:00Z'), overlap: 'ALLOW_ALL',
      });
      const cycle = client.workflow.getHandle('quarterly-2026-Q1');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await expect(createTemporalCycles(client, taskQueue).start('quarterly', '2026-Q1', 'test')).rejects.toBeInstanceOf(CycleAlreadyStartedError);
      await cycle.terminate('test over');
    });
  });
});

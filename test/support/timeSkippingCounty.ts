// What every time-skipping workflow test starts from: its own test server (one per file: the
// server's clock is shared by everything on it), a fresh SQLite file holding the demo county's
// registry in county-1 (the county of workflows started without one), and workers running the
// shared workflow bundle with the real activities.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import type { DeliveryChannel } from '../../src/notices/channels.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { freshSqlite } from './db.js';
import { firstCounty, seedTestCounty } from './counties.js';

export interface TimeSkippingCounty {
  env: TestWorkflowEnvironment;
  db: Db;
  /** A worker on `taskQueue` whose activities take `clock` as now and deliver by `channels` beyond the inbox (none by default). */
  worker(taskQueue: string, clock?: () => Date, channels?: DeliveryChannel[]): Promise<Worker>;
  stop(): Promise<void>;
}

export async function timeSkippingCounty(name: string, today: string): Promise<TimeSkippingCounty> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
  const { db } = await freshSqlite(name);
  await seedTestCounty(db, { countyId: firstCounty.id, name: firstCounty.name, today });
  return {
    env,
    db,
    worker: (taskQueue, clock = () => new Date(), channels = []) =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        activities: createActivities({ db, notifier: createInboxNotifier(), clock, channels }),
      }),
    async stop() {
      await db.$disconnect();
      await env.teardown();
    },
  };
}

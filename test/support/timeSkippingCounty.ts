// What every time-skipping workflow test starts from: its own test server (one per file: the
// server's clock is shared by everything on it) and a fresh SQLite file holding the demo county.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { freshSqlite } from './db.js';

export interface TimeSkippingCounty {
  env: TestWorkflowEnvironment;
  db: Db;
  stop(): Promise<void>;
}

export async function timeSkippingCounty(name: string, today: string): Promise<TimeSkippingCounty> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
  const { db } = await freshSqlite(name);
  await seedDemoCounty(db, { today });
  return {
    env, db,
    async stop() {
      await db.$disconnect();
      await env.teardown();
    },
  };
}

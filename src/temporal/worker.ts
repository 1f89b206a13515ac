import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { channelsOf } from '../notices/configuredChannels.js';
import { createInboxNotifier } from '../notices/notifier.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** The one place the activities' dependencies are built, for `npm start` and for a worker alone alike. */
export async function createWorker(connection: NativeConnection, config: Config, db: Db, clock: () => Date = () => new Date()): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.taskQueue,
    workflowsPath,
    activities: createActivities({ db, notifier: createInboxNotifier(), clock, channels: channelsOf(config.channels), timeZone: config.timeZone }),
  });
}

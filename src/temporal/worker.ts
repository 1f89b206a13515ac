import { Context } from '@temporalio/activity';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { channelsOf } from '../notices/configuredChannels.js';
import { createInboxNotifier } from '../notices/notifier.js';
import { workflowBundle } from './workflowBundle.js';

/**
 * The one place the activities' dependencies are built, for `npm start` and for a worker alone
 * alike. `extra` is for interceptors (the fault tests' crash points), never for the activities.
 */
export async function createWorker(
  connection: NativeConnection,
  config: Config,
  db: Db,
  clock: () => Date = () => new Date(),
  extra: Pick<WorkerOptions, 'interceptors' | 'identity'> = {},
): Promise<Worker> {
  const w = config.worker;
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.taskQueue,
    workflowBundle: await workflowBundle(),
    activities: createActivities({
      db,
      notifier: createInboxNotifier(),
      clock,
      channels: channelsOf(config.channels),
      timeZone: config.timeZone,
      heartbeat: () => Context.current().heartbeat(),
    }),
    maxConcurrentActivityTaskExecutions: w.maxConcurrentActivities,
    maxConcurrentWorkflowTaskExecutions: w.maxConcurrentWorkflowTasks,
    activityTaskPollerBehavior: { type: 'simple-maximum', maximum: w.activityPollers },
    workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: w.workflowPollers },
    maxCachedWorkflows: w.maxCachedWorkflows,
    ...extra,
  });
}

import { fileURLToPath } from 'node:url';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities/index.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export async function createWorker(connection: NativeConnection, namespace: string, taskQueue: string, deps: ActivityDeps): Promise<Worker> {
  return Worker.create({ connection, namespace, taskQueue, workflowsPath, activities: createActivities(deps) });
}

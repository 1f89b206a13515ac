// The processes of one configuration: the service (`npm start`) and, on the cluster, its
// `npm run worker` processes; on the dev server the service runs the dev server and the worker.
import { createServer } from 'node:net';
import { startServiceProcess, startWorkerProcess, type RunningProcess } from '../../test/faults/support/processes.js';

export interface Backend {
  kind: 'dev' | 'cluster';
  workers: number;
  /** The cluster's frontend; the dev server gets a free port. */
  temporalAddress?: string;
  namespace: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Running {
  apiUrl: string;
  temporalAddress: string;
  service: RunningProcess;
  workers: RunningProcess[];
  stop(): Promise<void>;
}

export async function startProcesses(backend: Backend, databaseUrl: string, dir: string, taskQueue: string): Promise<Running> {
  const devPort = backend.kind === 'dev' ? await freePort() : 0;
  const env = {
    DATABASE_URL: databaseUrl,
    TASK_QUEUE: taskQueue,
    TEMPORAL_NAMESPACE: backend.namespace,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    ...(backend.kind === 'dev'
      ? {
          TEMPORAL_ADDRESS: undefined,
          TEMPORAL_DEV_DB: `${dir}/temporal.db`,
          TEMPORAL_DEV_PORT: String(devPort),
          TEMPORAL_DEV_UI_PORT: String(await freePort()),
        }
      : { TEMPORAL_ADDRESS: backend.temporalAddress, SERVICE_WORKER: 'false' }),
  };
  const service = await startServiceProcess('service', env);
  const workers: RunningProcess[] = [];
  try {
    // At info, a worker says when it polls.
    for (let i = 0; i < (backend.kind === 'cluster' ? backend.workers : 0); i++)
      workers.push(await startWorkerProcess(`worker-${i + 1}`, { ...env, LOG_LEVEL: 'info' }));
  } catch (err) {
    await Promise.all([service, ...workers].map((p) => p.kill()));
    throw err;
  }
  return {
    apiUrl: service.apiUrl,
    temporalAddress: backend.kind === 'dev' ? `127.0.0.1:${devPort}` : backend.temporalAddress!,
    service,
    workers,
    async stop() {
      await Promise.all(workers.map((w) => w.kill()));
      await service.kill();
    },
  };
}

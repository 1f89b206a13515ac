// On an existing cluster the service and its workers connect with the client's own connections:
// a worker process polls without ever resolving @temporalio/testing (a dev dependency), and its
// slots and pollers come from the environment.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { freshSqlite } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const forbidTesting = fileURLToPath(new URL('../support/hooks/forbidTestingPackage.mjs', import.meta.url));

/** Runs `tsx <entry>` with the hook that refuses the testing package, until `ready` or exit. */
function runForbiddingTesting(entry: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(`${root}node_modules/.bin/tsx`, [entry], {
    cwd: root,
    env: { ...process.env, ...env, NODE_OPTIONS: `--import ${forbidTesting}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<string>((resolve) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', () => resolve(output));
  });
}

describe('production wiring', () => {
  let databaseUrl: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshSqlite('production-wiring');
    await fresh.db.$disconnect();
    databaseUrl = fresh.url;
    drop = fresh.drop;
  });
  afterAll(async () => drop?.());

  it('a worker joins an existing server without resolving @temporalio/testing', async () => {
    const output = await runForbiddingTesting(
      'worker.ts',
      {
        TEMPORAL_ADDRESS: inject('devServerAddress'),
        TEMPORAL_NAMESPACE: devNamespaces.productionWiring,
        TASK_QUEUE: 'production-wiring',
        DATABASE_URL: databaseUrl,
        WORKER_MAX_CONCURRENT_ACTIVITIES: '3',
        WORKER_ACTIVITY_POLLERS: '2',
      },
      /worker polling task queue production-wiring/,
    );
    expect(output).not.toMatch(/production wiring loaded/);
    expect(output).toMatch(/worker polling task queue production-wiring/);
    // The worker's pollers reached the server: the task queue knows it.
    const connection = await Connection.connect({ address: inject('devServerAddress') });
    try {
      const client = new Client({ connection, namespace: devNamespaces.productionWiring });
      const { pollers } = await client.workflowService.describeTaskQueue({
        namespace: devNamespaces.productionWiring,
        taskQueue: { name: 'production-wiring' },
        taskQueueType: 2, // activity
      });
      expect(pollers.length).toBeGreaterThan(0);
    } finally {
      await connection.close();
    }
  });

  it('the hook does refuse the testing package (the check above can fail)', async () => {
    const output = await runForbiddingTesting('test/support/hooks/importsTesting.ts', {}, /never/);
    expect(output).toMatch(/production wiring loaded @temporalio\/testing/);
  });

  it('worker slots, pollers, pool size and busy timeout come from the environment, checked', () => {
    const config = loadConfig({
      WORKER_MAX_CONCURRENT_ACTIVITIES: '8',
      WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '6',
      WORKER_ACTIVITY_POLLERS: '3',
      WORKER_WORKFLOW_POLLERS: '2',
      WORKER_MAX_CACHED_WORKFLOWS: '0',
      DATABASE_POOL_SIZE: '4',
      SQLITE_BUSY_TIMEOUT_MS: '2000',
      SERVICE_WORKER: 'false',
    });
    expect(config.worker).toEqual({ maxConcurrentActivities: 8, maxConcurrentWorkflowTasks: 6, activityPollers: 3, workflowPollers: 2, maxCachedWorkflows: 0 });
    expect(config.database).toEqual({ poolSize: 4, sqliteBusyTimeoutMs: 2000 });
    expect(config.serviceWorker).toBe(false);
    expect(loadConfig({}).serviceWorker).toBe(true);
    expect(() => loadConfig({ WORKER_MAX_CONCURRENT_ACTIVITIES: '0' })).toThrow(/WORKER_MAX_CONCURRENT_ACTIVITIES/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(ConfigError);
    expect(() => loadConfig({ SERVICE_WORKER: 'yes' })).toThrow(/SERVICE_WORKER/);
  });

  it("the HTTP listen backlog and the busy loop's lateness bound come from the environment, checked", () => {
    expect(loadConfig({}).http.backlog).toBe(4096);
    expect(loadConfig({}).overload.maxBusyEventLoopDelayMs).toBe(50);
    const config = loadConfig({ HTTP_LISTEN_BACKLOG: '1024', HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS: '0' });
    expect(config.http.backlog).toBe(1024);
    expect(config.overload.maxBusyEventLoopDelayMs).toBe(0);
    expect(() => loadConfig({ HTTP_LISTEN_BACKLOG: '0' })).toThrow(/HTTP_LISTEN_BACKLOG/);
    expect(() => loadConfig({ HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS: 'soon' })).toThrow(/HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS/);
  });
});

// A quarterly firing missed by the workers, or by the Temporal server itself. The county's real
// Schedule options, with only the calendar moved a few seconds ahead (the real one fires once a
// quarter) and, where the window is the point, the catch-up window cut to Temporal's minimum of
// 10 s (the real 30 days cannot be waited out in a test). Its own dev server on its own database
// file, so stopping it stops nobody else.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection, type ScheduleOptions } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { periodSchedule } from '../../src/temporal/periodSchedules.js';
import { createWorker } from '../../src/temporal/worker.js';
import { ensureDefaultRuleSet } from '../../src/db/ruleSets.js';
import { seedTestCounty } from '../support/counties.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';

const namespace = devNamespaces.faultsScheduleOutage;
const taskQueue = 'faults-schedule-outage';
const timeZone = 'Asia/Shanghai';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `temporal server start-dev` on a fixed port and database file, so a restart finds its Schedules again. */
function devServerProcess(dbFile: string, port: number) {
  const executable = serverExecutable('dev-server');
  if (executable.type !== 'existing-path') throw new Error('the Temporal CLI is missing from .temporal/bin (npm install puts it there)');
  let child: ChildProcess | undefined;
  return {
    address: `127.0.0.1:${port}`,
    async start() {
      const args = ['server', 'start-dev', '--db-filename', dbFile, '--port', String(port), '--headless', '--namespace', namespace, '--log-level', 'error'];
      child = spawn(executable.path, args, { stdio: ['ignore', 'ignore', 'inherit'] });
      for (let tries = 0; ; tries += 1) {
        try {
          await (await Connection.connect({ address: `127.0.0.1:${port}`, connectTimeout: 1_000 })).close();
          return;
        } catch (err) {
          if (tries > 60) throw err;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    },
    async stop() {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child!.kill('SIGKILL');
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a quarterly Schedule across an outage', () => {
  let fresh: TestDb;
  let server: ReturnType<typeof devServerProcess>;
  let connection: Connection | undefined;
  let client: Client;
  let worker: { native: NativeConnection; worker: Worker; running: Promise<void> } | undefined;

  const connect = async () => {
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection, namespace });
  };
  const startWorker = async () => {
    const native = await NativeConnection.connect({ address: server.address });
    const config = loadConfig({ DATABASE_URL: fresh.url, TEMPORAL_NAMESPACE: namespace, TASK_QUEUE: taskQueue, TIME_ZONE: timeZone });
    const w = await createWorker(native, config, fresh.db);
    worker = { native, worker: w, running: w.run() };
  };
  const stopWorker = async () => {
    worker?.worker.shutdown();
    await worker?.running;
    await worker?.native.close();
    worker = undefined;
  };

  /** The county's real quarterly Schedule, firing once `inMs` from now, with `catchupWindow` if given. */
  const schedule = async (countyId: string, inMs: number, catchupWindow?: string) => {
    const real = periodSchedule('quarterly', { countyId, taskQueue, timeZone });
    const at = new Date(Date.now() + inMs);
    const options: ScheduleOptions = {
      ...real,
      spec: {
        calendars: [
          {
            year: at.getUTCFullYear(),
            month: (['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const)[
              at.getUTCMonth()
            ]!,
            dayOfMonth: at.getUTCDate(),
            hour: at.getUTCHours(),
            minute: at.getUTCMinutes(),
            second: at.getUTCSeconds(),
          },
        ],
        timezone: 'UTC',
      },
      policies: { ...real.policies, ...(catchupWindow ? { catchupWindow } : {}) },
    };
    await client.schedule.create(options);
    return at.getTime();
  };

  /** The county's launcher runs and its cycles: started workflows and opened rows. */
  const counted = async (countyId: string) => {
    // The Schedule appends the firing's time to the launcher's id.
    const launcherId = new RegExp(`^${taskQueue}/scheduled-quarterly-${countyId}-\\d{4}-`);
    const launchers = [];
    for await (const w of client.workflow.list({ query: `WorkflowType = 'scheduledPeriodCycle'` }))
      if (launcherId.test(w.workflowId)) launchers.push(w.status.name);
    let cycles = 0;
    for await (const w of client.workflow.list({ query: `WorkflowType = 'periodEvaluation'` })) if (w.workflowId.endsWith(`-${countyId}`)) cycles += 1;
    const rows = await fresh.db.cycle.count({ where: { countyId, kind: 'quarterly' } });
    return { launchers, cycles, rows };
  };

  beforeAll(async () => {
    fresh = await freshSqlite('faults-schedule-outage');
    const today = new Date().toISOString().slice(0, 10);
    for (const countyId of ['workers-down', 'server-down', 'server-down-long']) {
      await seedTestCounty(fresh.db, { countyId, today, prefix: `${countyId}-` });
      await ensureDefaultRuleSet(fresh.db, countyId);
    }
    server = devServerProcess(join(mkdtempSync(join(tmpdir(), 'cp-schedule-outage-')), 'temporal.db'), await freePort());
    await server.start();
    await connect();
  });

  afterAll(async () => {
    await stopWorker();
    await connection?.close();
    await server?.stop().catch(() => undefined);
    await fresh?.drop();
  });

  it('starts exactly one launcher run, and one cycle, when a worker returns after the firing it missed', async () => {
    const firesAt = await schedule('workers-down', 5_000);
    await sleep(firesAt - Date.now() + 5_000);
    await startWorker();
    await expect.poll(() => counted('workers-down'), { timeout: 60_000, interval: 1_000 }).toMatchObject({ launchers: ['COMPLETED'], cycles: 1, rows: 1 });
    await stopWorker();
  });

  it('starts exactly one catch-up run when the server comes back within the catch-up window', async () => {
    const firesAt = await schedule('server-down', 10_000);
    // The Schedule's first step (planning its next firing) done before the server goes down.
    await sleep(3_000);
    await connection!.close();
    await server.stop();
    await sleep(firesAt - Date.now() + 5_000);
    await server.start();
    await connect();
    await startWorker();
    await expect.poll(() => counted('server-down'), { timeout: 90_000, interval: 1_000 }).toMatchObject({ launchers: ['COMPLETED'], cycles: 1, rows: 1 });
    await stopWorker();
  });

  it('starts nothing when the server comes back after the catch-up window has passed', async () => {
    const firesAt = await schedule('server-down-long', 10_000, '10 seconds');
    await sleep(3_000);
    await connection!.close();
    await server.stop();
    await sleep(firesAt - Date.now() + 20_000);
    await server.start();
    await connect();
    await startWorker();
    // Long enough for a catch-up to have run: the one above took seconds after the restart.
    await sleep(20_000);
    expect(await counted('server-down-long')).toEqual({ launchers: [], cycles: 0, rows: 0 });
    const handle = client.schedule.getHandle(periodSchedule('quarterly', { countyId: 'server-down-long', taskQueue, timeZone }).scheduleId);
    expect((await handle.describe()).info.recentActions).toEqual([]);
    // The Schedule itself is alive and a worker listens: a firing by hand runs at once.
    await handle.trigger();
    await expect.poll(() => counted('server-down-long'), { timeout: 60_000, interval: 1_000 }).toMatchObject({ launchers: ['COMPLETED'], cycles: 1 });
    await stopWorker();
  });
});

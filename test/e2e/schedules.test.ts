// Schedules run only on a real server: on the dev server, the quarterly Schedule firing at
// 00:00 Asia/Shanghai on 1 April starts the cycle of 2026-Q1 under its cycle id; the monthly
// Schedule starts a month's cycle only when the rule set in force evaluates months.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { CycleAlreadyStartedError } from '../../src/cycles/port.js';
import { cycleProgressQuery } from '../../src/workflows/messages.js';
import type { Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { registerSchedules } from '../../src/temporal/schedules.js';
import { periodSchedule, periodScheduleId } from '../../src/temporal/periodSchedules.js';
import type { Cadence } from '../../src/core/cadences.js';
import { daysMs } from '../../src/core/time.js';
import { activateMonthlyAndHalfYear } from '../support/cadenceRules.js';
import { freshSqlite } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';
import { recordHistory } from '../support/histories.js';

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

function worker(clock = () => new Date()) {
  return Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ db, notifier: createInboxNotifier(), clock }),
  });
}

/** Backfills one firing of a cadence's Schedule (or of the one given), and returns the launcher it started. */
async function fire(cadence: Cadence, at: string, schedule = client.schedule.getHandle(periodScheduleId(taskQueue, cadence))) {
  const instant = Date.parse(at);
  await schedule.backfill({ start: new Date(instant - 60_000), end: new Date(instant + 60_000), overlap: 'ALLOW_ALL' });
  let launcher: string | undefined;
  await expect
    .poll(
      async () => {
        const actions = (await schedule.describe()).info.recentActions;
        launcher = actions.find((a) => a.scheduledAt.getTime() === instant)?.action.workflow.workflowId;
        return launcher;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeDefined();
  return client.workflow.getHandle(launcher!);
}

describe('the period Schedules', () => {
  it('are registered once with explicit policies, and re-registering updates them', async () => {
    const ids = await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    expect(await registerSchedules(client, taskQueue, 'Asia/Shanghai')).toEqual(ids);
    for (const cadence of ['monthly', 'quarterly', 'half-year'] as const) {
      expect(ids).toContain(periodScheduleId(taskQueue, cadence));
      const description = await client.schedule.getHandle(periodScheduleId(taskQueue, cadence)).describe();
      expect(description.policies.overlap).toBe('BUFFER_ONE');
      expect(description.policies.catchupWindow).toBe(daysMs(30));
      expect(description.spec.timezone).toBe('Asia/Shanghai');
    }
  });

  it('starts the quarter just ended when it fires, and a later start by hand is refused', async () => {
    await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    await (
      await worker()
    ).runUntil(async () => {
      // 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC.
      await fire('quarterly', '2026-03-31T16:00:00Z');
      const cycle = client.workflow.getHandle('quarterly-2026-Q1');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await expect(createTemporalCycles(client, taskQueue).start('quarterly', '2026-Q1', 'test')).rejects.toBeInstanceOf(CycleAlreadyStartedError);
      await cycle.terminate('test over');
    });
  });

  it('starts a quarter at its end although someone started it early by hand, and the next quarter after it', async () => {
    await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    let now = new Date('2026-05-10T02:00:00Z');
    await (
      await worker(() => now)
    ).runUntil(async () => {
      // Started by hand in May, past the API's own check: the run fails at once and holds nothing.
      await createTemporalCycles(client, taskQueue).start('quarterly', '2026-Q2', 'clerk');
      const early = client.workflow.getHandle('quarterly-2026-Q2');
      await expect.poll(async () => (await early.describe()).status.name, { timeout: 30_000, interval: 500 }).toBe('FAILED');
      expect(await db.cycle.findUniqueOrThrow({ where: { id: 'quarterly-2026-Q2' } })).toMatchObject({ status: 'failed', failureType: 'PeriodNotEnded' });

      for (const [period, firedAt, today] of [
        ['2026-Q2', '2026-06-30T16:00:00Z', '2026-07-01T01:00:00Z'],
        ['2026-Q3', '2026-09-30T16:00:00Z', '2026-10-01T01:00:00Z'],
      ]) {
        now = new Date(today!);
        expect(await (await fire('quarterly', firedAt!)).result()).toEqual({ cycleId: `quarterly-${period}`, started: true });
        const cycle = client.workflow.getHandle(`quarterly-${period}`);
        await expect
          .poll(async () => (await cycle.query(cycleProgressQuery).catch(() => undefined))?.step, { timeout: 30_000, interval: 500 })
          .toBe('waiting-for-figures');
        expect(await db.cycle.findUniqueOrThrow({ where: { id: `quarterly-${period}` } })).toMatchObject({ status: 'collecting', failureType: null });
        await cycle.terminate('test over');
      }
    });
  });

  it('skips a month the rules in force do not evaluate, and starts one once a version defines 月考', async () => {
    await registerSchedules(client, taskQueue, 'Asia/Shanghai');
    await activateMonthlyAndHalfYear(db, '2026-05-01');
    await (
      await worker()
    ).runUntil(async () => {
      // 2026-05-01 00:00 in Shanghai: April is judged by the default rules, which have no 月考.
      const aprilLauncher = await fire('monthly', '2026-04-30T16:00:00Z');
      const april = await aprilLauncher.result();
      expect(april).toMatchObject({ cycleId: 'monthly-2026-04', started: false, notEvaluated: expect.stringMatching(/"rules\.monthly"/) });
      await expect(client.workflow.getHandle('monthly-2026-04').describe()).rejects.toThrow();

      const mayLauncher = await fire('monthly', '2026-05-31T16:00:00Z');
      const may = await mayLauncher.result();
      expect(may).toEqual({ cycleId: 'monthly-2026-05', started: true });
      const cycle = client.workflow.getHandle('monthly-2026-05');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await cycle.terminate('test over');
      await recordHistory(aprilLauncher, 'scheduled-period-cycle-skipped');
      await recordHistory(mayLauncher, 'scheduled-period-cycle');
    });
  });

  it('still starts the quarter just ended from a Schedule left by the first release', async () => {
    // The first release's quarterly Schedule started its launcher under this type, without arguments.
    const schedule = await client.schedule.create({
      ...periodSchedule('quarterly', taskQueue, 'Asia/Shanghai'),
      scheduleId: `${taskQueue}/first-release-quarterly`,
      action: { type: 'startWorkflow', workflowType: 'scheduledQuarterlyCycle', workflowId: `${taskQueue}/scheduled-quarterly-cycle`, taskQueue, args: [] },
    });
    await (
      await worker()
    ).runUntil(async () => {
      // 2026-01-01 00:00 in Shanghai is 2025-12-31 16:00 UTC.
      const launcher = await fire('quarterly', '2025-12-31T16:00:00Z', schedule);
      expect(await launcher.result()).toEqual({ cycleId: 'quarterly-2025-Q4', started: true });
      const cycle = client.workflow.getHandle('quarterly-2025-Q4');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await cycle.terminate('test over');
      await recordHistory(launcher, 'scheduled-quarterly-cycle');
    });
    await schedule.delete();
  });
});

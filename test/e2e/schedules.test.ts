// Schedules run only on a real server. On the dev server, with two counties (the demo county and
// a synthetic one): every county has its own Schedule of each kind, whose ids and launcher
// workflow ids name the county and which passes the county as the launcher's last argument;
// the Schedules made before counties are deleted, so nothing runs twice; a county added later
// gets its Schedules at the next registration. Once the launchers take the county (the cycle
// pipeline's part), firing the quarterly Schedules of both counties starts each county's quarter
// under its own cycle id, side by side.
import { Client, Connection, ScheduleNotFoundError, type ScheduleOptions } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { CycleAlreadyStartedError } from '../../src/cycles/port.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { cycleProgressQuery } from '../../src/workflows/messages.js';
import { activateMonthlyAndHalfYear } from '../support/cadenceRules.js';
import type { Cadence } from '../../src/core/cadences.js';
import { daysMs } from '../../src/core/time.js';
import type { Db } from '../../src/db/client.js';
import { countyIds, createCounty, seedSyntheticCounties } from '../../src/db/counties.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { bulletinScheduleId } from '../../src/temporal/bulletinSchedule.js';
import { periodScheduleId } from '../../src/temporal/periodSchedules.js';
import { presenceScheduleId } from '../../src/temporal/presenceSchedule.js';
import { registerSweepScheduleId } from '../../src/temporal/registerSweepSchedule.js';
import { countySchedules, registerSchedules, uncountiedScheduleIds } from '../../src/temporal/schedules.js';
import { yearEndScheduleId } from '../../src/temporal/yearEndSchedule.js';
import { freshSqlite } from '../support/db.js';
import { recordHistory } from '../support/histories.js';
import { devNamespaces } from '../support/namespaces.js';
import { fire } from '../support/schedules.js';

const namespace = devNamespaces.schedules;
const taskQueue = 'schedules-test';
const timeZone = 'Asia/Shanghai';
const counties = ['demo', 'syn-001'];
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
  await seedSyntheticCounties(db, 1, { communities: 4, from: '2026-01-01' });
  expect(await countyIds(db)).toEqual(counties);
});

afterAll(async () => {
  await db?.$disconnect();
  await nativeConnection?.close();
  await connection?.close();
});

/** The arguments a workflow was started with, from the first event of its history. */
async function startArguments(workflowId: string): Promise<unknown[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
  return payloads.map((p) => defaultPayloadConverter.fromPayload(p));
}

function worker(clock = () => new Date()) {
  return Worker.create({
    connection: nativeConnection,
    namespace,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ db, notifier: createInboxNotifier(), clock }),
  });
}

/** A cycle of the county started by hand, as POST /api/cycles does. */
function startByHand(kind: 'quarterly', period: string, countyId: string) {
  return createTemporalCycles(client, taskQueue, db).start(countyId, kind, period, { userId: 'clerk', name: '办事员' });
}

describe("every county's Schedules", () => {
  it('are registered once per county, the county in their ids and as the launchers’ last argument; re-registering updates them', async () => {
    const first = await registerSchedules(client, taskQueue, timeZone, counties);
    expect(await registerSchedules(client, taskQueue, timeZone, counties)).toEqual(first);
    expect(Object.keys(first.byCounty)).toEqual(counties);
    // Seven per county: 月考, 季考, 半年考, year-end, presence, bulletins, the register sweep.
    expect(new Set(Object.values(first.byCounty).flat()).size).toBe(14);

    for (const countyId of counties) {
      const ids = first.byCounty[countyId]!;
      expect(ids).toEqual(countySchedules({ countyId, taskQueue, timeZone }).map((o) => o.scheduleId));
      for (const cadence of ['monthly', 'quarterly', 'half-year'] as const) {
        const id = periodScheduleId(taskQueue, cadence, countyId);
        expect(id).toBe(`${taskQueue}/${cadence}-evaluation-${countyId}`);
        expect(ids).toContain(id);
        const description = await client.schedule.getHandle(id).describe();
        expect(description.policies.overlap).toBe('BUFFER_ONE');
        expect(description.policies.catchupWindow).toBe(daysMs(30));
        expect(description.spec.timezone).toBe(timeZone);
        expect(description.memo).toMatchObject({ countyId });
        expect(description.action).toMatchObject({
          workflowType: 'scheduledPeriodCycle',
          workflowId: `${taskQueue}/scheduled-${cadence}-${countyId}`,
          args: [cadence, countyId],
        });
      }
      const action = async (id: string) => (await client.schedule.getHandle(id).describe()).action;
      expect(await action(yearEndScheduleId(taskQueue, countyId))).toMatchObject({ workflowType: 'scheduledYearEnd', args: [countyId] });
      expect(await action(presenceScheduleId(taskQueue, countyId))).toMatchObject({ workflowType: 'presenceLauncher', args: [{ timeZone }, countyId] });
      expect(await action(bulletinScheduleId(taskQueue, countyId))).toMatchObject({ workflowType: 'weeklyBulletins', args: [{}, countyId] });
      expect(await action(registerSweepScheduleId(taskQueue, countyId))).toMatchObject({ workflowType: 'registerSweep', args: [{}, countyId] });
    }
  });

  it('replace the Schedules made before counties, which are deleted so that nothing runs twice', async () => {
    // As the release before counties registered them: one of each kind, ids without a county.
    const old = uncountiedScheduleIds(taskQueue);
    expect(old).toEqual([
      `${taskQueue}/monthly-evaluation`,
      `${taskQueue}/quarterly-evaluation`,
      `${taskQueue}/half-year-evaluation`,
      `${taskQueue}/year-end-evaluation`,
      `${taskQueue}/monthly-presence`,
      `${taskQueue}/weekly-bulletins`,
    ]);
    for (const scheduleId of old) {
      const before: ScheduleOptions = {
        scheduleId,
        spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 0 }], timezone: timeZone },
        action: { type: 'startWorkflow', workflowType: 'scheduledPeriodCycle', workflowId: `${scheduleId}-launcher`, taskQueue, args: ['quarterly'] },
      };
      await client.schedule.create(before);
    }
    const registered = await registerSchedules(client, taskQueue, timeZone, counties);
    expect(registered.deleted).toEqual(old);
    for (const scheduleId of old) await expect(client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect((await registerSchedules(client, taskQueue, timeZone, counties)).deleted).toEqual([]);
  });

  it('of a county added later appear at the next registration', async () => {
    await createCounty(db, { id: 'xiangxi', name: '湘西县公安局' });
    const quarterly = periodScheduleId(taskQueue, 'quarterly', 'xiangxi');
    await expect(client.schedule.getHandle(quarterly).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    const registered = await registerSchedules(client, taskQueue, timeZone, await countyIds(db));
    expect(Object.keys(registered.byCounty)).toEqual(['demo', 'syn-001', 'xiangxi']);
    expect((await client.schedule.getHandle(quarterly).describe()).action).toMatchObject({ args: ['quarterly', 'xiangxi'] });
    await client.schedule.getHandle(quarterly).delete();
    for (const id of registered.byCounty.xiangxi!.filter((id) => id !== quarterly)) await client.schedule.getHandle(id).delete();
  });

  it("start each county's own launcher when they fire, with the county as its last argument", async () => {
    await registerSchedules(client, taskQueue, timeZone, counties);
    // No worker: the launchers are started and wait; their start arguments are what the Schedules passed.
    for (const countyId of counties) {
      // 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC; 2026-01-15 02:00 is 2026-01-14 18:00 UTC.
      const quarterly = await fire(client, periodScheduleId(taskQueue, 'quarterly', countyId), '2026-03-31T16:00:00Z');
      expect(quarterly.workflowId).toMatch(new RegExp(`^${taskQueue}/scheduled-quarterly-${countyId}-`));
      expect(await startArguments(quarterly.workflowId)).toEqual(['quarterly', countyId]);
      const yearEnd = await fire(client, yearEndScheduleId(taskQueue, countyId), '2026-01-14T18:00:00Z');
      expect(await startArguments(yearEnd.workflowId)).toEqual([countyId]);
      const presence = await fire(client, presenceScheduleId(taskQueue, countyId), '2026-03-31T16:00:00Z');
      expect(await startArguments(presence.workflowId)).toEqual([{ timeZone }, countyId]);
      for (const launcher of [quarterly, yearEnd, presence]) await launcher.terminate('test over');
    }
  });
});

describe('firing', () => {
  it('start each county’s quarter just ended under its own cycle id, in its own county (2026-Q4, fired on 1 January 2027)', async () => {
    await registerSchedules(client, taskQueue, timeZone, counties);
    await (
      await worker(() => new Date('2027-01-01T01:00:00Z'))
    ).runUntil(async () => {
      for (const countyId of counties) {
        const launcher = await fire(client, periodScheduleId(taskQueue, 'quarterly' satisfies Cadence, countyId), '2026-12-31T16:00:00Z');
        const cycleId = `quarterly-2026-Q4-${countyId}`;
        expect(await launcher.result()).toEqual({ cycleId, started: true });
        const cycle = client.workflow.getHandle(cycleId);
        await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
        await expect.poll(async () => (await db.cycle.findUnique({ where: { id: cycleId } }))?.countyId, { timeout: 30_000, interval: 500 }).toBe(countyId);
        if (countyId === 'demo') await recordHistory(launcher, 'scheduled-period-cycle-county');
      }
      for (const countyId of counties) await client.workflow.getHandle(`quarterly-2026-Q4-${countyId}`).terminate('test over');
    });
  });

  it("starts the demo county's quarter just ended when it fires, and a later start by hand is refused", async () => {
    await registerSchedules(client, taskQueue, timeZone, counties);
    await (
      await worker()
    ).runUntil(async () => {
      // 2026-04-01 00:00 in Shanghai is 2026-03-31 16:00 UTC.
      await fire(client, periodScheduleId(taskQueue, 'quarterly', 'demo'), '2026-03-31T16:00:00Z');
      const cycle = client.workflow.getHandle('quarterly-2026-Q1-demo');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await expect(startByHand('quarterly', '2026-Q1', 'demo')).rejects.toBeInstanceOf(CycleAlreadyStartedError);
      await cycle.terminate('test over');
    });
  });

  it('starts a quarter at its end although someone started it early by hand, and the next quarter after it', async () => {
    await registerSchedules(client, taskQueue, timeZone, counties);
    let now = new Date('2026-05-10T02:00:00Z');
    await (
      await worker(() => now)
    ).runUntil(async () => {
      // Started by hand in May, past the API's own check: the run fails at once and holds nothing.
      await startByHand('quarterly', '2026-Q2', 'demo');
      const early = client.workflow.getHandle('quarterly-2026-Q2-demo');
      await expect.poll(async () => (await early.describe()).status.name, { timeout: 30_000, interval: 500 }).toBe('FAILED');
      expect(await db.cycle.findUniqueOrThrow({ where: { id: 'quarterly-2026-Q2-demo' } })).toMatchObject({ status: 'failed', failureType: 'PeriodNotEnded' });

      for (const [period, firedAt, today] of [
        ['2026-Q2', '2026-06-30T16:00:00Z', '2026-07-01T01:00:00Z'],
        ['2026-Q3', '2026-09-30T16:00:00Z', '2026-10-01T01:00:00Z'],
      ]) {
        now = new Date(today!);
        const cycleId = `quarterly-${period}-demo`;
        expect(await (await fire(client, periodScheduleId(taskQueue, 'quarterly', 'demo'), firedAt!)).result()).toEqual({ cycleId, started: true });
        const cycle = client.workflow.getHandle(cycleId);
        await expect
          .poll(async () => (await cycle.query(cycleProgressQuery).catch(() => undefined))?.step, { timeout: 30_000, interval: 500 })
          .toBe('waiting-for-figures');
        expect(await db.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: 'collecting', failureType: null, countyId: 'demo' });
        await cycle.terminate('test over');
      }
    });
  });

  it('skips a month the rules in force do not evaluate, and starts one once a version defines 月考', async () => {
    await registerSchedules(client, taskQueue, timeZone, counties);
    await activateMonthlyAndHalfYear(db, '2026-05-01', 'demo');
    await (
      await worker()
    ).runUntil(async () => {
      // 2026-05-01 00:00 in Shanghai: April is judged by the default rules, which have no 月考.
      const aprilLauncher = await fire(client, periodScheduleId(taskQueue, 'monthly', 'demo'), '2026-04-30T16:00:00Z');
      const april = await aprilLauncher.result();
      expect(april).toMatchObject({ cycleId: 'monthly-2026-04-demo', started: false, notEvaluated: expect.stringMatching(/"rules\.monthly"/) });
      await expect(client.workflow.getHandle('monthly-2026-04-demo').describe()).rejects.toThrow();

      const mayLauncher = await fire(client, periodScheduleId(taskQueue, 'monthly', 'demo'), '2026-05-31T16:00:00Z');
      const may = await mayLauncher.result();
      expect(may).toEqual({ cycleId: 'monthly-2026-05-demo', started: true });
      const cycle = client.workflow.getHandle('monthly-2026-05-demo');
      await expect.poll(async () => (await cycle.describe().catch(() => undefined))?.status.name, { timeout: 30_000, interval: 500 }).toBe('RUNNING');
      await cycle.terminate('test over');
      await recordHistory(aprilLauncher, 'scheduled-period-cycle-skipped-county');
      await recordHistory(mayLauncher, 'scheduled-period-cycle-county-monthly');
    });
  });
});

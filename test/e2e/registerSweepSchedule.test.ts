// On the dev server: the demo county's daily register sweep Schedule is registered with the
// county's others, fires at 08:00 Asia/Shanghai, and its firing, run late (here by a backfill, as
// a catch-up would be), sweeps the day it was meant for: the officer of a community whose rented
// home was then overdue for inspection is reminded under that day's notice id.
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { registerReminderNoticeId } from '../../src/activities/registerReminders.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { registerSweepScheduleId } from '../../src/temporal/registerSweepSchedule.js';
import { registerCountySchedules } from '../../src/temporal/schedules.js';
import { firstCounty } from '../support/counties.js';
import { devServer, type DevServer } from '../support/devServer.js';
import { devNamespaces } from '../support/namespaces.js';
import { rentedHome } from '../support/register.js';
import { fire } from '../support/schedules.js';

const namespace = devNamespaces.registerSweepSchedule;
const taskQueue = 'register-sweep-schedule-test';
const countyId = firstCounty.id;
let server: DevServer;
let client: Client;

beforeAll(async () => {
  server = await devServer(namespace, 'register-sweep-schedule', '2026-01-01');
  ({ client } = server);
  // Let on 1 March and never inspected: due by 30 May under the default 90 days, overdue from 31 May.
  await rentedHome(server.db, { countyId, communityId: 'c08' }, { id: 'rh1', fromDate: '2026-03-01' });
});
afterAll(() => server?.close());

describe('the daily register sweep Schedule', () => {
  it('is registered per county at 08:00 bureau time and sweeps the day of its intended firing when it runs late', async () => {
    const ids = await registerCountySchedules(client, { countyId, taskQueue, timeZone: 'Asia/Shanghai' });
    const scheduleId = registerSweepScheduleId(taskQueue, countyId);
    expect(ids).toContain(scheduleId);
    const schedule = client.schedule.getHandle(scheduleId);
    const description = await schedule.describe();
    expect(description.spec.timezone).toBe('Asia/Shanghai');
    expect(description.spec.calendars).toMatchObject([{ hour: [{ start: 8, end: 8 }], minute: [{ start: 0, end: 0 }] }]);
    expect(description.policies.overlap).toBe('BUFFER_ONE');
    expect(description.action).toMatchObject({ workflowType: 'registerSweep', args: [{}, countyId] });
    // Its next firings are at 08:00 in Shanghai, 00:00 UTC.
    expect(description.info.nextActionTimes.every((t) => t.toISOString().endsWith('T00:00:00.000Z'))).toBe(true);

    const worker = await Worker.create({
      connection: server.nativeConnection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ db: server.db, notifier: createInboxNotifier(), clock: () => new Date() }),
    });
    // 31 May 2026 08:00 in Shanghai is 00:00 UTC.
    const result = await worker.runUntil(async () => (await fire(client, scheduleId, '2026-05-31T00:00:00Z')).result());
    expect(result).toEqual({ date: '2026-05-31', reminded: 1 });
    const notice = await server.db.notice.findUnique({ where: { id: registerReminderNoticeId('2026-05-31', 'o14') }, include: { recipients: true } });
    expect(notice).toMatchObject({ kind: 'register-reminder', facts: { counts: { c08: { inspectionsDue: 1 } } } });
    expect(notice!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['officer:o14']);
    for (const id of ids) await client.schedule.getHandle(id).delete();
  });
});

// A time-skipping environment, a seeded SQLite file and helpers for whole months of presence.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { PresenceMonthInput } from '../../src/activities/presence.js';
import { nextMonthStart } from '../../src/core/presenceMonth.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { presenceMonth, visitChangedSignal } from '../../src/workflows/presenceMonth.js';
import { freshSqlite } from './db.js';
import { firstCounty, seedTestCounty } from './counties.js';
import { webhookChannel } from './receivers.js';

// One task queue per file: a later test's worker also runs what an earlier one left behind
// (delivery workflows of the notices), so no task waits on a queue nobody polls.
const taskQueue = 'presence';

export function presenceHarness(name: string) {
  const h = {} as {
    env: TestWorkflowEnvironment;
    db: Db;
    activities: ReturnType<typeof createActivities>;
    webhook: Awaited<ReturnType<typeof webhookChannel>>;
  };

  beforeAll(async () => {
    h.env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
    h.db = (await freshSqlite(name)).db;
    await seedTestCounty(h.db, { countyId: firstCounty.id, name: firstCounty.name, today: '2026-01-01' });
    // Reminders and violations go on to a webhook too: only then is a delivery started for each.
    h.webhook = await webhookChannel();
    h.activities = createActivities({ db: h.db, notifier: createInboxNotifier(), clock: () => new Date(), channels: h.webhook.channels });
  });

  afterAll(async () => {
    await h.db?.$disconnect();
    await h.env?.teardown();
    await h.webhook?.receiver.close();
  });

  const now = async () => new Date(await h.env.currentTimeMs());

  return {
    get env() {
      return h.env;
    },
    get db() {
      return h.db;
    },

    /** The leader's month after the server's current one, timed as the launcher would time it. */
    async nextMonthOf(leaderId: string): Promise<PresenceMonthInput> {
      const month = nextMonthStart((await now()).toISOString().slice(0, 7)).slice(0, 7);
      const plan = await h.activities.presencePlan({ at: '', timeZone: 'Asia/Shanghai', month, limit: 100 });
      return plan.months.find((m) => m.leaderId === leaderId)!;
    },

    // No sticky cache: the time-skipping server does not hand a stopped worker's sticky tasks back
    // to the shared queue, so a restarted worker would never see its workflows again.
    worker: () =>
      Worker.create({
        connection: h.env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        activities: h.activities,
        maxCachedWorkflows: 0,
      }),

    start: (input: PresenceMonthInput) =>
      h.env.client.workflow.start(presenceMonth, { workflowId: `presence/${input.leaderId}/${input.month}`, taskQueue, args: [input] }),

    /** Logs a visit now (server time) and, with `signal`, tells the month's workflow. */
    async logVisit(input: PresenceMonthInput, day: number, status: 'pending' | 'confirmed' | 'disputed', signal = false) {
      const date = `${input.month}-${String(day).padStart(2, '0')}`;
      const { countyId } = await h.db.leader.findUniqueOrThrow({ where: { id: input.leaderId }, select: { countyId: true } });
      const v = await h.db.visit.create({
        data: { countyId, leaderId: input.leaderId, communityId: input.communityId, date, note: '', status, loggedBy: 'test', createdAt: await now() },
      });
      if (signal) await h.env.client.workflow.getHandle(`presence/${input.leaderId}/${input.month}`).signal(visitChangedSignal, { visitId: v.id });
    },

    /** Skips to a minute after `iso`. */
    async sleepUntil(iso: string) {
      await h.env.sleep(Math.max(0, Date.parse(iso) - (await h.env.currentTimeMs()) + 60_000));
    },

    async remindersOf(input: PresenceMonthInput) {
      const rows = await h.db.notice.findMany({
        where: { kind: 'presence-reminder', about: input.leaderId, id: { contains: input.month } },
        orderBy: { id: 'asc' },
      });
      return rows.map((n) => n.facts as { date: string; days: number; required: number; workingDaysLeft: number });
    },

    /** Waits for the delivery workflows of a month's notices, so no task outlives its worker. */
    async settled(input: PresenceMonthInput, progress: { reminded: string[]; recorded?: { compliant: boolean } }) {
      const ids = [...progress.reminded.map((d) => `reminder/${d}`), ...(progress.recorded?.compliant === false ? ['violation'] : [])];
      for (const id of ids) await h.env.client.workflow.getHandle(`delivery/presence/${input.leaderId}/${input.month}/${id}`).result();
      return progress;
    },

    violationOf: (input: PresenceMonthInput) =>
      h.db.notice.findUnique({
        where: { id: `presence/${input.leaderId}/${input.month}/violation` },
        include: { recipients: { orderBy: { recipientType: 'asc' } } },
      }),
  };
}

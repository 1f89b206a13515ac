// The register sweep on the time-skipping server: on a morning, every officer whose communities'
// register owes something (a help group incomplete, a permit expiring or expired, a rented home
// due for inspection, a talk overdue) gets exactly one reminder listing it, an officer of two
// communities on two pages included, and nobody whose register is fresh; an attempt retried after
// it published, and a second sweep of the same day, publish nothing again; a sweep of two days
// before, when the talk was not yet overdue, did not remind its officers.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { registerReminderNoticeId } from '../../src/activities/registerReminders.js';
import { addDays } from '../../src/core/calendar.js';
import { wallClock } from '../../src/core/presenceMonth.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { registerSweep } from '../../src/workflows/registerSweep.js';
import { firstCounty } from '../support/counties.js';
import { recordHistory } from '../support/histories.js';
import { keyPerson, rentedHome, temporaryResident } from '../support/register.js';
import { webhookChannel } from '../support/receivers.js';
import { timeSkippingCounty } from '../support/timeSkippingCounty.js';

const taskQueue = 'register-sweep';
const countyId = firstCounty.id;
let env: TestWorkflowEnvironment;
let db: Db;
let stop: () => Promise<void>;
// The reminders go on beyond the inbox, to a webhook: only then is a delivery started for each.
let webhook: Awaited<ReturnType<typeof webhookChannel>>;

beforeAll(async () => {
  ({ env, db, stop } = await timeSkippingCounty('workflow-register-sweep', '2026-01-01'));
  webhook = await webhookChannel();
});
afterAll(async () => {
  await webhook?.receiver.close();
  await stop?.();
});

/** The real activities; `remindRegister`'s first attempt fails after it has published, as a worker lost before reporting would. */
function worker(failFirstAttempt: boolean) {
  const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date(), channels: webhook.channels });
  let attempts = 0;
  return Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: {
      ...activities,
      async remindRegister(input: Parameters<typeof activities.remindRegister>[0]) {
        const page = await activities.remindRegister(input);
        if (failFirstAttempt && attempts++ === 0) throw new Error('worker lost before reporting');
        return page;
      },
    },
    maxCachedWorkflows: 0,
  });
}

/** Runs a sweep of four communities a page (the ten of the county take three runs) and waits for its deliveries. */
async function sweep(workflowId: string, { failFirstAttempt = false, date }: { failFirstAttempt?: boolean; date?: string } = {}) {
  const w = await worker(failFirstAttempt);
  return w.runUntil(async () => {
    const result = await env.client.workflow.execute(registerSweep, { workflowId, taskQueue, args: [{ pageSize: 4, date }, countyId] });
    const notices = await db.notice.findMany({
      where: { kind: 'register-reminder', id: { startsWith: `register-reminder/${result.date}/` } },
      orderBy: { id: 'asc' },
    });
    // One delivery at a time: awaiting them together lets the server skip time past their tasks.
    for (const n of notices) expect(await env.client.workflow.getHandle(`delivery/${n.id}`).result()).toMatchObject({ delivered: ['webhook'] });
    return { ...result, notices };
  });
}

const officerOf = (id: string) => id.split('/').at(-1);

describe('registerSweep', () => {
  it('reminds each officer once of what their communities owe, nobody whose register is fresh, a talk once it is overdue', async () => {
    // Skip to 08:00 in Beijing (00:00 UTC) of the coming day, as the Schedule fires.
    const now = await env.currentTimeMs();
    const morning = new Date(now);
    const fire = Date.UTC(morning.getUTCFullYear(), morning.getUTCMonth(), morning.getUTCDate() + 1, 0, 1);
    await env.sleep(fire - now);
    const today = wallClock(new Date(fire), 'Asia/Shanghai').day;
    const day = (n: number) => addDays(today, n);
    const at = (communityId: string) => ({ countyId, communityId });

    // c01 (o01, o02): a key person whose group lacks a parent, one fully kept; a permit expiring in ten days, one valid.
    await keyPerson(db, at('c01'), { id: 'kp1', name: '张一', listedOn: day(-100), members: ['officer', 'security-cadre'], talks: [day(-5)] });
    await keyPerson(db, at('c01'), { id: 'kp2', name: '张二', listedOn: day(-100), talks: [day(-40), day(-10)] });
    await temporaryResident(db, at('c01'), { id: 'tr1', name: '李一', registeredOn: day(-300), expiresOn: day(10) });
    await temporaryResident(db, at('c01'), { id: 'tr2', name: '李二', registeredOn: day(-300), expiresOn: day(200) });
    // c02 (o03, o04): a talk 31 days ago, overdue under the 30-day interval today, fresh two days ago.
    await keyPerson(db, at('c02'), { id: 'kp3', name: '王三', listedOn: day(-100), talks: [day(-31)] });
    // c03 (o05, o06): a rented home last inspected 100 days ago (due by day -10), another inspected ten days ago.
    await rentedHome(db, at('c03'), { id: 'rh1', fromDate: day(-200), inspections: [day(-300 + 100), day(-100)] });
    await rentedHome(db, at('c03'), { id: 'rh2', fromDate: day(-200), inspections: [day(-10)] });
    // c04 (o07, o08): a permit expired three days ago.
    await temporaryResident(db, at('c04'), { id: 'tr3', name: '赵四', registeredOn: day(-400), expiresOn: day(-3) });
    // c07 (o13, and o01 too: on another page than c01): a home let 91 days ago and never inspected.
    await rentedHome(db, at('c07'), { id: 'rh3', fromDate: day(-91) });
    await db.binding.create({ data: { countyId, communityId: 'c07', subjectType: 'officer', subjectId: 'o01', effectiveFrom: day(-1) } });
    // c05 (o09, o10): everything fresh.
    await keyPerson(db, at('c05'), { id: 'kp5', name: '钱五', listedOn: day(-20) });
    await rentedHome(db, at('c05'), { id: 'rh5', fromDate: day(-30) });
    await temporaryResident(db, at('c05'), { id: 'tr5', name: '孙五', registeredOn: day(-30), expiresOn: day(31) });

    // Two days ago (a sweep by hand for that day): the talk was not yet overdue, the home at c07 not yet due, nor o01 bound there.
    const before = await sweep('register-sweep-0', { date: day(-2) });
    expect(before.notices.map((n) => officerOf(n.id))).toEqual(['o01', 'o02', 'o05', 'o06', 'o07', 'o08']);

    // This morning, its date the Schedule's firing on the server's clock.
    const first = await sweep('register-sweep-1', { failFirstAttempt: true });
    const firstRun = await env.client.workflow.getHandle('register-sweep-1').describe();
    await recordHistory(env.client.workflow.getHandle('register-sweep-1'), 'register-sweep');
    expect(first.date).toBe(today);
    expect(first.notices.map((n) => officerOf(n.id))).toEqual(['o01', 'o02', 'o03', 'o04', 'o05', 'o06', 'o07', 'o08', 'o13']);
    expect(first.reminded).toBe(9);
    expect(firstRun.status.name).toBe('COMPLETED');
    expect(await db.auditEntry.count({ where: { entity: 'Notice', entityId: { startsWith: `register-reminder/${today}/` } } })).toBe(9);

    const o01 = first.notices.find((n) => n.id === registerReminderNoticeId(today, 'o01'))!;
    const recipients = await db.noticeRecipient.findMany({ where: { noticeId: o01.id } });
    expect(recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['officer:o01']);
    expect((o01.facts as { items: { kind: string; communityId: string }[] }).items.map((i) => `${i.communityId}:${i.kind}`)).toEqual([
      'c01:help-group-incomplete',
      'c01:permit-expiring',
      'c07:inspection-due',
    ]);
    expect(o01.facts).toMatchObject({ counts: { c01: { helpGroupsIncomplete: 1, permitsExpiring: 1 }, c07: { inspectionsDue: 1 } } });
    expect(o01.titleZh).toBe(`人口登记待办提醒（${today}，3项）`);
    expect(o01.bodyZh).toContain('重点人口张一的帮教小组缺家长');
    expect(o01.bodyZh).toContain(`暂住人口李一的居住证将于${day(10)}到期`);
    expect(o01.bodyZh).toContain(`出租房屋9/rh3未检查过，应于${day(-1)}前检查`);
    expect(o01.bodyZh).not.toContain('张二');
    const o07 = first.notices.find((n) => officerOf(n.id) === 'o07')!;
    expect(o07.bodyZh).toContain(`暂住人口赵四的居住证已于${day(-3)}到期`);
    expect(first.notices.find((n) => officerOf(n.id) === 'o05')!.bodyEn).toContain(`last inspected ${day(-100)}`);
    const o03 = first.notices.find((n) => officerOf(n.id) === 'o03')!;
    expect(o03.bodyZh).toContain(`重点人口王三上次谈话${day(-31)}，应于${day(-1)}前谈话，已逾期`);

    // The same day again (a catch-up, a start by hand): nothing new, no second delivery.
    const deliveries = await Promise.all(first.notices.map(async (n) => (await env.client.workflow.getHandle(`delivery/${n.id}`).describe()).runId));
    const again = await sweep('register-sweep-2');
    expect(again.reminded).toBe(9);
    expect(again.notices.map((n) => n.id)).toEqual(first.notices.map((n) => n.id));
    expect(await Promise.all(again.notices.map(async (n) => (await env.client.workflow.getHandle(`delivery/${n.id}`).describe()).runId))).toEqual(deliveries);

    // Two days' reminders and the day's: no more.
    expect(await db.notice.count({ where: { kind: 'register-reminder' } })).toBe(15);
  });
});

// The weekly bulletins on the time-skipping server: started on a Monday morning, the week just
// ended is compiled and published to every community's people and the bureau, once.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { weekJustEnded } from '../../src/core/bulletins.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { weeklyBulletins } from '../../src/workflows/weeklyBulletins.js';
import { timeSkippingCounty } from '../support/timeSkippingCounty.js';
import { recordHistory } from '../support/histories.js';
import { webhookChannel } from '../support/receivers.js';

const taskQueue = 'bulletins';
let env: TestWorkflowEnvironment;
let db: Db;
let stop: () => Promise<void>;
// The bulletins go on beyond the inbox, to a webhook: only then is a delivery started for each.
let webhook: Awaited<ReturnType<typeof webhookChannel>>;

beforeAll(async () => {
  ({ env, db, stop } = await timeSkippingCounty('workflow-weekly-bulletins', '2026-01-01'));
  webhook = await webhookChannel();
});

afterAll(async () => {
  await webhook?.receiver.close();
  await stop?.();
});

const worker = () =>
  Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date(), channels: webhook.channels }),
    maxCachedWorkflows: 0,
  });

describe('weeklyBulletins', () => {
  it('publishes the week just ended to the inbox and its channels, and a second run publishes nothing again', async () => {
    // Skip to the coming Monday 08:00 in Beijing (00:00 UTC), as the Schedule would fire.
    const now = await env.currentTimeMs();
    const daysToMonday = (8 - new Date(now).getUTCDay()) % 7 || 7;
    const monday = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate() + daysToMonday, 0, 1);
    await env.sleep(monday - now);
    const week = weekJustEnded(new Date(monday).toISOString());
    const incident = { countyId: 'county-1', summary: '电动车被盗', submittedBy: 'o01', actor: 'test' };
    await db.incident.createMany({
      data: [
        { ...incident, communityId: 'c01', occurredOn: week.start, category: '盗窃' },
        { ...incident, communityId: 'c01', occurredOn: week.end, category: '盗窃', solved: true, solvedOn: week.end },
        { ...incident, communityId: 'c01', occurredOn: '2026-01-05', category: '诈骗', solved: true, solvedOn: week.start },
        // Last week's news is not this week's.
        { ...incident, communityId: 'c01', occurredOn: '2026-01-05', category: '诈骗' },
      ],
    });

    const w = await worker();
    const [first, second] = await w.runUntil(async () => {
      const run = async (workflowId: string) => {
        // Four communities a page: the ten of the demo county take three runs, each continued as new.
        const handle = await env.client.workflow.start(weeklyBulletins, { workflowId, taskQueue, args: [{ pageSize: 4 }] });
        const result = await handle.result();
        const firstRun = await env.client.workflow.getHandle(workflowId, handle.firstExecutionRunId).describe();
        expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');
        const notices = (await db.notice.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((n) => n.id);
        // One delivery at a time: awaiting twenty at once lets the server skip time past their workflow tasks.
        const deliveries: string[] = [];
        for (const id of notices) {
          const handle = env.client.workflow.getHandle(`delivery/${id}`);
          await handle.result();
          deliveries.push((await handle.describe()).runId);
        }
        return { ...result, notices, deliveries };
      };
      return [await run('bulletins-1'), await run('bulletins-2')];
    });

    await recordHistory(env.client.workflow.getHandle('bulletins-1'), 'weekly-bulletins');
    expect(first.week).toEqual(week);
    expect(first.published).toBe(20);
    expect(first.notices).toHaveLength(20);
    expect(second.notices).toEqual(first.notices);
    expect(await db.notice.count()).toBe(20);
    expect(await db.auditEntry.count({ where: { entity: 'Notice' } })).toBe(20);

    const situation = await db.notice.findUnique({
      where: { id: `bulletin/${week.start}/police-situation-bulletin/c01` },
      include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } },
    });
    expect(situation).toMatchObject({ kind: 'police-situation-bulletin', about: 'c01', facts: { situation: { total: 2, byCategory: { 盗窃: 2 } } } });
    expect(situation!.titleZh).toContain('警情公告');
    expect(situation!.bodyZh).toContain('共发生警情2起，其中盗窃2起');
    const office = (await db.binding.findMany({ where: { communityId: 'c01' } })).map((b) => `${b.subjectType}:${b.subjectId}`);
    expect(situation!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`).sort()).toEqual(['bureau:head', ...office].sort());

    const solved = await db.notice.findUnique({ where: { id: `bulletin/${week.start}/case-solved-bulletin/c01` } });
    expect(solved).toMatchObject({
      kind: 'case-solved-bulletin',
      facts: {
        solved: [
          { category: '诈骗', solvedOn: week.start },
          { category: '盗窃', solvedOn: week.end },
        ],
      },
    });
    expect(solved!.bodyZh).toContain('破获案件2起');
    const quiet = await db.notice.findUnique({ where: { id: `bulletin/${week.start}/case-solved-bulletin/c02` } });
    expect(quiet!.bodyEn).toContain('No cases');

    // Each notice went to its channels once: the second run found every delivery already started.
    expect(second.deliveries).toEqual(first.deliveries);
    expect([...webhook.receiver.accepted.keys()].sort()).toEqual(first.notices);
  });
});

// On the dev server: what the Temporal UI shows of the cycles this code starts. A cycle started by
// hand carries a Chinese static summary naming its kind, period, county and the user, and a memo
// {countyId, startedBy, startedByName}; a county's Schedule launchers (started here as a Schedule
// would, with the county as their last argument) start that county's cycle, summarised as started
// by the Schedule.
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { formatPeriod, periodJustEnded } from '../../src/core/calendar.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { scheduledPeriodCycle } from '../../src/workflows/scheduledCycle.js';
import { scheduledYearEnd } from '../../src/workflows/scheduledYearEnd.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';
import { devServer, type DevServer } from '../support/devServer.js';
import { devNamespaces } from '../support/namespaces.js';

const namespace = devNamespaces.cycleSummaries;
const taskQueue = 'cycle-summaries';
const second = { id: 'county-2', name: '第二县公安局' };
let server: DevServer;
let client: Client;
const started: string[] = [];

beforeAll(async () => {
  server = await devServer(namespace, 'cycle-summaries', '2025-01-01');
  ({ client } = server);
  await seedTestCounty(server.db, { countyId: second.id, name: second.name, today: '2025-01-01', prefix: 'b-' });
});
afterAll(async () => {
  for (const id of started)
    await client.workflow
      .getHandle(id)
      .terminate('test done')
      .catch(() => undefined);
  await server?.close();
});

describe('the summaries of cycles in the Temporal UI', () => {
  it('name the user who started a cycle by hand, in the summary and the memo', async () => {
    const cycles = createTemporalCycles(client, taskQueue, server.db);
    const { cycleId } = await cycles.start(firstCounty.id, 'quarterly', '2025-Q3', { userId: 'zhangsan', name: '张三' });
    started.push(cycleId);
    expect(cycleId).toBe('quarterly-2025-Q3-county-1');
    const description = await client.workflow.getHandle(cycleId).describe();
    expect(await description.staticSummary()).toBe('季度考核 2025-Q3 · 示范县公安局 · 由 张三(zhangsan) 手动启动');
    expect(await description.staticDetails()).toContain('张三 (zhangsan)');
    expect(description.memo).toEqual({ countyId: firstCounty.id, startedBy: 'zhangsan', startedByName: '张三' });
  });

  it("start a county's cycles from its Schedule launchers, summarised as started by the Schedule", async () => {
    const worker = await Worker.create({
      connection: server.nativeConnection,
      namespace,
      taskQueue,
      workflowBundle: { codePath: inject('workflowBundlePath') },
      activities: createActivities({ db: server.db, notifier: createInboxNotifier(), clock: () => new Date() }),
    });
    const quarter = formatPeriod(periodJustEnded('quarterly', new Date().toISOString()));
    const year = String(new Date().getUTCFullYear() - 1);
    const [period, yearEnd] = await worker.runUntil(async () => [
      await client.workflow.execute(scheduledPeriodCycle, {
        workflowId: `${taskQueue}/scheduled-quarterly/county-2`,
        taskQueue,
        args: ['quarterly', second.id],
      }),
      await client.workflow.execute(scheduledYearEnd, { workflowId: `${taskQueue}/scheduled-year-end/county-2`, taskQueue, args: [second.id] }),
    ]);
    started.push(period.cycleId, yearEnd.cycleId);
    expect(period).toEqual({ cycleId: `quarterly-${quarter}-county-2`, started: true });
    expect(yearEnd).toEqual({ cycleId: `year-end-${year}-county-2`, started: true });
    const summaries = await Promise.all([period.cycleId, yearEnd.cycleId].map(async (id) => (await client.workflow.getHandle(id).describe()).staticSummary()));
    expect(summaries).toEqual([`季度考核 ${quarter} · 第二县公安局 · 由计划任务启动`, `年终考核 ${year} · 第二县公安局 · 由计划任务启动`]);
    const memo = (await client.workflow.getHandle(period.cycleId).describe()).memo;
    expect(memo).toEqual({ countyId: second.id, startedBy: `system:${taskQueue}/scheduled-quarterly/county-2` });
  }, 120_000);
});

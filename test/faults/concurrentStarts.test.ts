// Twenty clerks starting the same quarter at once while the county's quarterly Schedule fires:
// the cycle's workflow id is its cycle id on both paths, so Temporal admits one execution and
// every other start is a clear 409 (the API) or a no-op (the Schedule's launcher).
import { Client, Connection, ScheduleOverlapPolicy } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { formatPeriod, periodJustEnded } from '../../src/core/calendar.js';
import { defaultTimeZone } from '../../src/core/periodBounds.js';
import { wallClock, zonedInstant } from '../../src/core/presenceMonth.js';
import { periodScheduleId } from '../../src/temporal/periodSchedules.js';
import { startService, type RunningService } from '../../src/service.js';
import type { ScheduledCycle } from '../../src/workflows/scheduledCycle.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { demoSubmissions } from '../support/figures.js';
import { devNamespaces } from '../support/namespaces.js';
import { serviceToken } from '../support/serviceUsers.js';

const namespace = devNamespaces.faultsConcurrentStarts;
const taskQueue = 'faults-concurrent-starts';
const token = 'faults-concurrent-starts-token-0123';
const clerks = 20;

describe('concurrent starts of one cycle', () => {
  let fresh: TestDb;
  let service: RunningService;
  let connection: Connection;
  let client: Client;

  const call = async (method: string, path: string, body?: unknown, as = token) => {
    const res = await fetch(`${service.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
  };

  beforeAll(async () => {
    fresh = await freshSqlite('faults-concurrent-starts');
    service = await startService(
      loadConfig({
        DATABASE_URL: fresh.url,
        TEMPORAL_ADDRESS: inject('devServerAddress'),
        TEMPORAL_NAMESPACE: namespace,
        TASK_QUEUE: taskQueue,
        HTTP_PORT: '0',
        BUREAU_TOKEN: token,
        LOG_LEVEL: 'warn',
      }),
    );
    connection = await Connection.connect({ address: inject('devServerAddress') });
    client = new Client({ connection, namespace });
  });

  afterAll(async () => {
    await service?.stop();
    await connection?.close();
    await fresh?.drop();
  });

  it('runs one execution and one decision set, answering each of 20 concurrent POST /api/cycles with 202 or 409 and never 500', async () => {
    const [county] = service.counties;
    // The Schedule's last quarterly firing (00:00 local on the current quarter's first day) and
    // the quarter it starts: the one just ended, which is also the one the clerks may start.
    const { day } = wallClock(new Date(), defaultTimeZone);
    const quarterMonth = String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0');
    const firing = Date.parse(zonedInstant(`${day.slice(0, 4)}-${quarterMonth}-01`, 0, defaultTimeZone));
    const period = formatPeriod(periodJustEnded('quarterly', new Date(firing).toISOString()));
    const communities = ((await call('GET', '/api/communities')).body as { id: string }[]).map((c) => c.id);
    for (const { submittedBy, figures } of demoSubmissions(communities)) {
      const department = await serviceToken(fresh.url, { role: 'department', subjectId: submittedBy });
      expect((await call('POST', '/api/metrics', { period, figures }, department)).status).toBeLessThan(300);
    }

    // The Schedule's own start of that firing, as it takes one it missed: a trigger would fire
    // now, and a launcher fired now starts the quarter still running, not this one.
    const schedule = client.schedule.getHandle(periodScheduleId(taskQueue, 'quarterly', county!.id));
    const [answers] = await Promise.all([
      Promise.all(Array.from({ length: clerks }, () => call('POST', '/api/cycles', { kind: 'quarterly', period }))),
      schedule.backfill({ start: new Date(firing - 1_000), end: new Date(firing + 1_000), overlap: ScheduleOverlapPolicy.ALLOW_ALL }),
    ]);
    const statuses = answers.map((a) => a.status);
    expect(answers.filter((a) => a.status !== 202 && a.status !== 409)).toEqual([]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.type.includes('application/problem+json'))).toBe(true);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBeLessThanOrEqual(1);
    const cycleId = accepted ? answers.find((a) => a.status === 202)!.body.cycleId : `quarterly-${period}-${county!.id}`;

    // The Schedule's launcher ran once, and started the cycle exactly when no clerk had.
    await expect.poll(async () => (await schedule.describe()).info.recentActions.length, { timeout: 60_000, interval: 500 }).toBe(1);
    const [fired] = (await schedule.describe()).info.recentActions;
    const launched: ScheduledCycle = await client.workflow.getHandle(fired!.action.workflow.workflowId).result();
    expect(launched).toMatchObject({ cycleId, started: accepted === 0 });

    await expect.poll(async () => (await call('GET', `/api/cycles/${cycleId}`)).body.status, { timeout: 180_000, interval: 1_000 }).toBe('decided');
    const executions = [];
    for await (const w of client.workflow.list({ query: `WorkflowId = '${cycleId}'` })) executions.push(w.runId);
    expect(executions).toHaveLength(1);

    const [cycles] = await fresh.db.$queryRaw<
      { n: bigint }[]
    >`SELECT COUNT(*) AS n FROM Cycle WHERE countyId = ${county!.id} AND kind = 'quarterly' AND period = ${period}`;
    expect(Number(cycles!.n)).toBe(1);
    const [decisions] = await fresh.db.$queryRaw<{ n: bigint; keys: bigint }[]>`
      SELECT COUNT(*) AS n, COUNT(DISTINCT type || '|' || kind || '|' || subjectType || '|' || subjectId || '|' || revision) AS keys
      FROM Decision WHERE cycleId = ${cycleId}`;
    expect(Number(decisions!.n)).toBeGreaterThan(0);
    expect(Number(decisions!.keys)).toBe(Number(decisions!.n));
  }, 240_000);
});

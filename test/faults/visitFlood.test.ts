// A flood of visits to one leader-month: 20,000 rows stored as the API stores them, each told to
// the month's workflow as the API tells it (signal-with-start, wake-ups close together sharing one
// signal). The month must count every day once, keep each run's history bounded, and never fail a
// workflow task. (Continuing as new is tested in test/workflows/presenceContinueAsNew.test.ts: a
// run that continues as new while raw signals keep arriving has its task failed by the server.)
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { presenceMonthOfVisit, visitChangedSignalName } from '../../src/contracts/presence.js';
import { wallClock } from '../../src/core/presenceMonth.js';
import { communitiesOn } from '../../src/db/bindings.js';
import { recordVisits } from '../../src/db/visits.js';
import { createTemporalSignals } from '../../src/temporal/signals.js';
import { recordingLogger } from '../api/harness.js';
import { presenceProgressQuery } from '../../src/workflows/presenceMonth.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { devNamespaces } from '../support/namespaces.js';
import { startWorkerProcess, type RunningProcess } from './support/processes.js';
import { eventsWith, runsOf } from './support/runs.js';

const namespace = devNamespaces.faultsVisitFlood;
const taskQueue = 'faults-visit-flood';
/** The issue's 20,000; FAULTS_VISIT_FLOOD takes a smaller one on a machine too busy for it (say so when you do). */
const flood = Number(process.env.FAULTS_VISIT_FLOOD ?? 20_000);
/** Rows per transaction and wake-ups in flight: a busy minute of a province's API. */
const wave = 1_000;
const leaderId = 'L01';
/** Temporal warns past 10,240 events and refuses a run more than 10,000 signals. */
const historyBound = 10_000;

describe('a flood of visit signals to one leader-month', () => {
  let fresh: TestDb;
  let connection: Connection;
  let client: Client;
  let worker: RunningProcess;

  beforeAll(async () => {
    fresh = await freshSqlite('faults-visit-flood');
    const today = wallClock(new Date(), 'Asia/Shanghai').day;
    await seedTestCounty(fresh.db, { countyId: firstCounty.id, name: firstCounty.name, today });
    connection = await Connection.connect({ address: inject('devServerAddress') });
    client = new Client({ connection, namespace });
    // A worker of its own, as in production: the flood's sender does not share its CPU thread.
    worker = await startWorkerProcess('worker', {
      DATABASE_URL: fresh.url,
      TEMPORAL_ADDRESS: inject('devServerAddress'),
      TEMPORAL_NAMESPACE: namespace,
      TASK_QUEUE: taskQueue,
    });
  });

  afterAll(async () => {
    await worker?.kill();
    await connection?.close();
    await fresh?.drop();
  });

  it('counts every day once, keeps every run under 10,000 events (the wake-ups share signals), fails no workflow task and keeps the month running', async () => {
    const { db } = fresh;
    const today = wallClock(new Date(), 'Asia/Shanghai').day;
    const month = today.slice(0, 7);
    const lastDay = Number(today.slice(8));
    const [communityId] = await communitiesOn(db, 'leader', leaderId, today);
    const log = recordingLogger();
    const signals = createTemporalSignals(client, taskQueue, false, log);
    const actor = { id: leaderId, countyId: firstCounty.id, role: 'leader' };

    const started = Date.now();
    for (let from = 0; from < flood; from += wave) {
      // Confirmed, so that every day counts; the note numbers the visit: its natural key with the leader and day.
      const rows = await db.$transaction((tx) =>
        recordVisits(
          tx,
          actor,
          Array.from({ length: wave }, (_, k) => ({
            countyId: firstCounty.id,
            leaderId,
            communityId: communityId!,
            date: `${month}-${String(((from + k) % lastDay) + 1).padStart(2, '0')}`,
            note: `flood ${from + k}`,
            status: 'confirmed',
            answeredBy: 'O01',
            answeredAt: new Date(),
            loggedBy: leaderId,
          })),
        ),
      );
      await Promise.all(rows.map((v) => signals.signalWithStart(presenceMonthOfVisit(v), visitChangedSignalName, { visitId: v.id })));
    }
    const sentMs = Date.now() - started;

    const [{ rows, keys }] = await db.$queryRaw<{ rows: bigint; keys: bigint }[]>`
      SELECT COUNT(*) AS rows, COUNT(DISTINCT leaderId || '|' || date || '|' || note) AS keys FROM Visit WHERE leaderId = ${leaderId} AND date LIKE ${`${month}-%`}`;
    expect({ rows: Number(rows), keys: Number(keys) }).toEqual({ rows: flood, keys: flood });
    const days = (
      await db.$queryRaw<{ date: string }[]>`
        SELECT DISTINCT date FROM Visit WHERE leaderId = ${leaderId} AND date LIKE ${`${month}-%`} AND status = 'confirmed' ORDER BY date`
    ).map((r) => r.date);
    expect(days).toHaveLength(lastDay);

    const { workflowId } = presenceMonthOfVisit({ leaderId, communityId: communityId!, date: today });
    const latest = client.workflow.getHandle(workflowId);
    await expect.poll(async () => (await latest.query(presenceProgressQuery)).days, { timeout: 120_000, interval: 1_000 }).toEqual(days);

    const runs = await runsOf(client, workflowId);
    const sizes = runs.map((r) => r.events.length);
    const signalled = runs.reduce((n, r) => n + eventsWith(r, 'workflowExecutionSignaledEventAttributes').length, 0);
    console.log(`visit flood: ${flood} wake-ups in ${sentMs} ms reached the month as ${signalled} signals; ${runs.length} runs of ${sizes.join(', ')} events`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(historyBound);
    // The wake-ups close together shared their signals (src/temporal/coalescedSignals.ts), so the
    // flood did not become 20,000 events; at least one came after the last visit, hence the count above.
    expect(signalled).toBeGreaterThan(0);
    expect(signalled).toBeLessThan(flood / 10);
    expect(runs.flatMap((r) => eventsWith(r, 'workflowTaskFailedEventAttributes').map((e) => e.workflowTaskFailedEventAttributes))).toEqual([]);
    const { status } = await latest.describe();
    expect(status.name).toBe('RUNNING');
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).not.toMatch(/Failing workflow task/);
    // The wake-ups not waited for all reached the month.
    expect(log.warnings).toEqual([]);
  }, 600_000);
});

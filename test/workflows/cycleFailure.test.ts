// A quarter that cannot be decided, on the time-skipping server with the real API in front: it
// ends failed at once instead of retrying for ever, the API says why and what to fix, the bureau
// head is told by every channel, and the quarter runs again once the cause is fixed.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowFailedError } from '@temporalio/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { createApiUser } from '../../src/db/api-users.js';
import type { Db } from '../../src/db/client.js';
import { createTemporalSignals } from '../../src/temporal/signals.js';
import { submitDemoFigures } from '../support/figures.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { recordHistory } from '../support/histories.js';
import { webhookChannel } from '../support/receivers.js';
import { recordingLogger } from '../api/harness.js';

const taskQueue = 'cycle-failure';
const now = () => new Date('2026-07-02T08:00:00Z');
const cycleId = 'quarterly-2026-Q2-county-1';
let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
let app: ReturnType<typeof createApp>;
const auth = { Authorization: 'Bearer cycle-failure-token-0123' };

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-cycle-failure', '2026-01-01');
  ({ env, db } = county);
  const communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  await submitDemoFigures(db, '2026-Q2', communities);
  // c10's only officer left on 31 May, after its figures were in: they judge nobody at the quarter's end.
  await db.binding.updateMany({ where: { communityId: 'c10', subjectType: 'officer' }, data: { effectiveTo: '2026-05-31' } });
  app = createApp({
    db,
    cycles: createTemporalCycles(env.client, taskQueue, db),
    signals: createTemporalSignals(env.client, taskQueue, true, recordingLogger()),
    clock: now,
  });
  await createApiUser(db, { id: 'clerk', name: '考评员', token: auth.Authorization.slice(7), countyId: 'county-1' });
});

afterAll(() => county?.stop());

const post = (path: string, body: object) => request(app).post(path).set(auth).send(body);
const get = (path: string) => request(app).get(path).set(auth);

describe('a cycle that cannot be decided', () => {
  it('ends failed at once, shows why and what to fix, tells the bureau, and runs again after the fix', async () => {
    const webhook = await webhookChannel();
    const w = await county.worker(taskQueue, now, webhook.channels);
    await w.runUntil(async () => {
      await post('/api/cycles', { kind: 'quarterly', period: '2026-Q2' }).expect(202);
      const failure = await env.client.workflow
        .getHandle(cycleId)
        .result()
        .then(
          () => undefined,
          (err: unknown) => err,
        );
      expect(failure).toBeInstanceOf(WorkflowFailedError);
      expect((failure as WorkflowFailedError).cause?.cause).toMatchObject({ type: 'OfficeWithoutOfficer', nonRetryable: true });
      // Every activity ran once: deciding was not retried.
      const history = await env.client.workflow.getHandle(cycleId).fetchHistory();
      const attempts = history.events!.flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : []));
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.every((a) => a === 1)).toBe(true);
      await recordHistory(env.client.workflow.getHandle(cycleId), 'period-evaluation-failed');

      const failed = (await get(`/api/cycles/${cycleId}`).expect(200)).body;
      expect(failed).toMatchObject({
        cycleId,
        kind: 'quarterly',
        period: '2026-Q2',
        status: 'failed',
        execution: 'FAILED',
        failure: {
          type: 'OfficeWithoutOfficer',
          reason: 'figures for 2026-Q2 were submitted for c10, but no officer is bound there on 2026-06-30',
          fix: expect.stringMatching(/^bind an officer to c10 effective on or before 2026-06-30 \(POST \/api\/bindings\)/),
        },
      });
      expect(await db.evaluation.count({ where: { cycleId } })).toBe(0);

      const notice = await db.notice.findFirstOrThrow({ where: { cycleId, kind: 'cycle-failed' }, include: { recipients: true } });
      expect(notice.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head']);
      // The bureau head of the cycle's county; the failure audited as the workflow, in that county.
      expect(notice.countyId).toBe('county-1');
      expect(await db.auditEntry.findFirstOrThrow({ where: { entity: 'Cycle', entityId: cycleId, action: 'fail' } })).toMatchObject({
        actor: `system:${cycleId}`,
        countyId: 'county-1',
        authMethod: 'workflow',
      });
      expect(notice.titleZh).toBe('2026年第二季度考评未能完成');
      expect(notice.bodyZh).toContain('c10');
      const delivery = env.client.workflow.getHandle(`delivery/${notice.id}`);
      await expect.poll(async () => (await delivery.describe()).status.name, { timeout: 30_000 }).toBe('COMPLETED');
      expect(webhook.receiver.accepted.has(notice.id)).toBe(true);

      // The fix, as the registry's routes would write it.
      await db.officer.create({ data: { id: 'o17', countyId: 'county-1', name: '民警17' } });
      await db.binding.create({ data: { countyId: 'county-1', communityId: 'c10', subjectType: 'officer', subjectId: 'o17', effectiveFrom: '2026-06-01' } });
      await post('/api/cycles', { kind: 'quarterly', period: '2026-Q2' }).expect(202);
      const summary = await env.client.workflow.getHandle(cycleId).result();
      expect(summary.ranked).toBe(10);

      const decided = (await get(`/api/cycles/${cycleId}`).expect(200)).body;
      expect(decided).toMatchObject({ status: 'decided', execution: 'COMPLETED' });
      expect(decided).not.toHaveProperty('failure');
      expect(await db.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: 'decided', failureType: null, failureReason: null });
      const res = await post('/api/cycles', { kind: 'quarterly', period: '2026-Q2' });
      expect(res.status).toBe(409);
    });
    await webhook.receiver.close();
  }, 120_000);
});

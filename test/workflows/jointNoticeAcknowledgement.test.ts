// A joint notice chased on the time-skipping server, with real activities on a real SQLite file.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { jointNoticeAcknowledgement, noticeAcknowledgedSignal, noticePendingQuery } from '../../src/workflows/jointNoticeAcknowledgement.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';
import { publishJointNotice } from '../support/notices.js';
import { day } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';

let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-notice-ack', '2026-01-01');
  ({ env, db } = county);
});

afterAll(() => county?.stop());

const worker = (taskQueue: string) => county.worker(taskQueue);

async function acknowledge(noticeId: string, type: 'officer' | 'leader' | 'department', id: string) {
  await db.noticeRecipient.update({
    where: { noticeId_recipientType_recipientId: { noticeId, recipientType: type, recipientId: id } },
    data: { acknowledgedAt: new Date() },
  });
  await env.client.workflow.getHandle(`notice/${noticeId}`).signal(noticeAcknowledgedSignal, { type, id });
}

const chase = (noticeId: string) =>
  db.notice.findMany({
    where: { about: noticeId },
    include: { recipients: { orderBy: [{ recipientType: 'asc' }] } },
    orderBy: { id: 'asc' },
  });

describe('jointNoticeAcknowledgement', () => {
  it('reminds only who has not acknowledged, escalates once to the bureau head, and ends when all have', async () => {
    const noticeId = 'quarterly-2026-Q1/joint-notice/c01';
    await publishJointNotice(db, noticeId);
    const w = await worker('chase');
    const outcome = await w.runUntil(async () => {
      const handle = await env.client.workflow.start(jointNoticeAcknowledgement, {
        workflowId: `notice/${noticeId}`,
        taskQueue: 'chase',
        args: [{ noticeId, remindEveryDays: 3, escalateAfterDays: 7 }],
      });
      await acknowledge(noticeId, 'officer', 'O01');
      await expect.poll(async () => (await handle.query(noticePendingQuery)).length).toBe(2);

      await env.sleep(3 * day + 60_000);
      await expect.poll(async () => (await chase(noticeId)).length).toBe(1);
      const [first] = await chase(noticeId);
      expect(first).toMatchObject({ id: `${noticeId}/reminder/1`, kind: 'notice-reminder' });
      expect(first!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['department:D01', 'leader:L01']);

      await acknowledge(noticeId, 'department', 'D01');
      await env.sleep(4 * day);
      await expect
        .poll(async () => (await chase(noticeId)).map((n) => n.id))
        .toEqual([`${noticeId}/escalation`, `${noticeId}/reminder/1`, `${noticeId}/reminder/2`]);
      const [escalation, , second] = await chase(noticeId);
      expect(escalation!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head']);
      expect(escalation!.facts).toMatchObject({ unacknowledged: [{ type: 'leader', id: 'L01' }] });
      expect(escalation!.bodyZh).toContain('仍未签收');
      expect(second!.recipients.map((r) => r.recipientId)).toEqual(['L01']);

      await acknowledge(noticeId, 'leader', 'L01');
      return handle.result();
    });
    expect(outcome).toEqual({ noticeId, reminders: 2, escalated: true });
    await recordHistory(env.client.workflow.getHandle(`notice/${noticeId}`), 'joint-notice-acknowledgement-escalated');
  });

  it('ends at once without reminders when everyone acknowledges in time', async () => {
    const noticeId = 'quarterly-2026-Q2/joint-notice/c02';
    await publishJointNotice(db, noticeId);
    const w = await worker('prompt');
    const outcome = await w.runUntil(async () => {
      const handle = await env.client.workflow.start(jointNoticeAcknowledgement, {
        workflowId: `notice/${noticeId}`,
        taskQueue: 'prompt',
        args: [{ noticeId, remindEveryDays: 3, escalateAfterDays: 7 }],
      });
      for (const [type, id] of [
        ['officer', 'O01'],
        ['leader', 'L01'],
        ['department', 'D01'],
      ] as const)
        await acknowledge(noticeId, type, id);
      return handle.result();
    });
    expect(outcome).toEqual({ noticeId, reminders: 0, escalated: false });
    expect(await chase(noticeId)).toEqual([]);
  });
});

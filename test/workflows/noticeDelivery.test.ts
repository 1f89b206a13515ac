// Notices leave by webhook and email through the noticeDelivery workflow: real local receivers,
// activity retries on the time-skipping server.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { loadConfig } from '../../src/config.js';
import type { Db } from '../../src/db/client.js';
import type { DeliveryChannel } from '../../src/notices/channels.js';
import { channelsOf } from '../../src/notices/configuredChannels.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { signBody } from '../../src/notices/webhook.js';
import { serverExecutable } from '../../src/temporal/executables.js';
import { noticeDelivery } from '../../src/workflows/noticeDelivery.js';
import { freshSqlite } from '../support/db.js';
import { publishJointNotice } from '../support/notices.js';
import { smtpSink, webhookReceiver } from '../support/receivers.js';
import { recordHistory } from '../support/histories.js';

const secret = 'webhook-secret-0123456789';
let env: TestWorkflowEnvironment;
let db: Db;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: serverExecutable('time-skipping') } });
  db = (await freshSqlite('workflow-delivery')).db;
});

afterAll(async () => {
  await db?.$disconnect();
  await env?.teardown();
});

function configured(webhookUrl: string, smtpUrl?: string): DeliveryChannel[] {
  const config = loadConfig({
    WEBHOOK_URL: webhookUrl,
    WEBHOOK_SECRET: secret,
    ...(smtpUrl ? { SMTP_URL: smtpUrl, MAIL_FROM: 'notices@bureau.example', MAIL_TO: 'office@bureau.example' } : {}),
  });
  return channelsOf(config.channels);
}

async function deliver(noticeId: string, channels: DeliveryChannel[], taskQueue: string) {
  const w = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: { codePath: inject('workflowBundlePath') },
    activities: createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date(), channels }),
  });
  return w.runUntil(env.client.workflow.execute(noticeDelivery, { workflowId: `delivery/${noticeId}`, taskQueue, args: [{ noticeId }] }));
}

describe('noticeDelivery', () => {
  it('retries a webhook receiver that fails for a while, signs every attempt, and mails the notice once', async () => {
    const noticeId = 'quarterly-2026-Q1/joint-notice/c01';
    await publishJointNotice(db, noticeId);
    const hook = await webhookReceiver({ failFirst: 3 });
    const smtp = await smtpSink();
    try {
      const outcome = await deliver(noticeId, configured(hook.url, smtp.url), 'retry');
      expect(outcome).toEqual({ noticeId, delivered: ['webhook', 'email'], failed: [] });
      await recordHistory(env.client.workflow.getHandle(`delivery/${noticeId}`), 'notice-delivery-retried');

      expect(hook.calls).toHaveLength(4);
      for (const call of hook.calls) {
        expect(call.noticeId).toBe(noticeId);
        expect(call.signature).toBe(signBody(secret, call.body));
      }
      expect([...hook.accepted.keys()]).toEqual([noticeId]);
      expect(hook.accepted.get(noticeId)).toMatchObject({
        id: noticeId,
        kind: 'joint-notice',
        titleZh: expect.stringContaining('通报'),
        recipients: [
          { type: 'department', id: 'D01' },
          { type: 'leader', id: 'L01' },
          { type: 'officer', id: 'O01' },
        ],
      });

      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toMatchObject({ from: 'notices@bureau.example', to: ['office@bureau.example'] });
      expect(smtp.mails[0]!.data.toLowerCase()).toContain(`x-notice-id: ${noticeId.toLowerCase()}`);
      expect(smtp.mails[0]!.data).toContain('Content-Type: text/plain; charset=utf-8');
    } finally {
      await hook.close();
      await smtp.close();
    }
  });

  it('mails each recipient the registry has an address for, copying the bureau mailbox', async () => {
    await db.officer.create({ data: { id: 'O01', countyId: 'county-1', name: '李警官', email: 'o01@police.example' } });
    await db.leader.create({ data: { id: 'L01', countyId: 'county-1', name: '王局长', email: 'l01@police.example' } });
    await db.department.create({ data: { id: 'D01', countyId: 'county-1', name: '治安大队' } });
    const noticeId = 'quarterly-2026-Q4/joint-notice/c04';
    await publishJointNotice(db, noticeId);
    const hook = await webhookReceiver({});
    const smtp = await smtpSink();
    try {
      expect((await deliver(noticeId, configured(hook.url, smtp.url), 'addressed')).delivered).toEqual(['webhook', 'email']);
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.to.sort()).toEqual(['l01@police.example', 'o01@police.example', 'office@bureau.example']);
      expect(smtp.mails[0]!.data).toMatch(/^To: .*o01@police\.example/m);
      expect(smtp.mails[0]!.data).toMatch(/^Cc: office@bureau\.example/m);
      // The department has no address: the text names it for the bureau mailbox to pass on.
      expect(smtp.mails[0]!.text).toContain('收件人 / To: department:D01, leader:L01 <l01@police.example>, officer:O01 <o01@police.example>');
      expect(hook.accepted.get(noticeId)).toMatchObject({ recipients: expect.arrayContaining([{ type: 'officer', id: 'O01', email: 'o01@police.example' }]) });
    } finally {
      await hook.close();
      await smtp.close();
    }
  });

  it('lets the receiver drop a duplicate when its answer was lost after it took the notice', async () => {
    const noticeId = 'quarterly-2026-Q2/joint-notice/c02';
    await publishJointNotice(db, noticeId);
    const hook = await webhookReceiver({ loseFirstAnswer: true });
    try {
      const outcome = await deliver(noticeId, configured(hook.url), 'duplicate');
      expect(outcome.delivered).toEqual(['webhook']);
      expect(hook.calls).toHaveLength(2);
      expect(new Set(hook.calls.map((c) => c.noticeId))).toEqual(new Set([noticeId]));
      expect(hook.accepted.size).toBe(1);
    } finally {
      await hook.close();
    }
  });

  it('gives up at once on a receiver that refuses the notice for good', async () => {
    const noticeId = 'quarterly-2026-Q3/joint-notice/c03';
    await publishJointNotice(db, noticeId);
    const hook = await webhookReceiver({ failFirst: 100, failStatus: 403 });
    try {
      const outcome = await deliver(noticeId, configured(hook.url), 'refused');
      expect(outcome.delivered).toEqual([]);
      expect(outcome.failed).toEqual([{ channel: 'webhook', reason: expect.stringContaining('answered 403') }]);
      expect(hook.calls).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });
});

describe('channel configuration', () => {
  it('needs a secret with a webhook URL and both addresses with an SMTP URL', () => {
    expect(() => loadConfig({ WEBHOOK_URL: 'http://127.0.0.1:9/x' })).toThrow(/WEBHOOK_SECRET/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:25', MAIL_FROM: 'a@b.example' })).toThrow(/MAIL_TO/);
    expect(channelsOf(loadConfig({}).channels)).toEqual([]);
  });
});

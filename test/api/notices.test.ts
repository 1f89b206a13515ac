// Acknowledging notices over HTTP, and the inbox that shows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { freshSqlite } from '../support/db.js';
import { publishJointNotice } from '../support/notices.js';
import { expectProblem, harness, today } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
const noticeId = 'quarterly-2026-Q1/joint-notice/c01';
const ackPath = `/api/notices/${encodeURIComponent(noticeId)}/acknowledgements`;

beforeAll(async () => {
  db = (await freshSqlite('api-notices')).db;
  h = await harness(db);
  await publishJointNotice(db, noticeId);
  await publishJointNotice(db, 'quarterly-2026-Q2/joint-notice/c01');
  h.signals.running.add(`notice/${noticeId}`);
});

afterAll(async () => db?.$disconnect());

describe('POST /api/notices/{id}/acknowledgements', () => {
  it('records the acknowledgement, audits it and signals the notice workflow', async () => {
    const res = await h.api.post(ackPath, { recipientType: 'leader', recipientId: 'L01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      noticeId,
      recipientType: 'leader',
      recipientId: 'L01',
      acknowledgedAt: `${today}T08:00:00.000Z`,
      alreadyAcknowledged: false,
    });
    expect(h.signals.sent).toEqual([{ workflowId: `notice/${noticeId}`, signalName: 'noticeAcknowledged', arg: { type: 'leader', id: 'L01' } }]);
    const audit = await db.auditEntry.findMany({ where: { entity: 'NoticeRecipient', action: 'acknowledge' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('tester');
  });

  it('is idempotent: a second acknowledgement answers 200 with the original time and writes nothing', async () => {
    const audits = await db.auditEntry.count();
    const res = await h.api.post(ackPath, { recipientType: 'leader', recipientId: 'L01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ acknowledgedAt: `${today}T08:00:00.000Z`, alreadyAcknowledged: true });
    expect(await db.auditEntry.count()).toBe(audits);
    expect(h.signals.sent).toHaveLength(1);
  });

  it('takes the notice id with raw slashes too, and carries on when no workflow is running', async () => {
    const res = await h.api.post('/api/notices/quarterly-2026-Q2/joint-notice/c01/acknowledgements', { recipientType: 'officer', recipientId: 'O01' });
    expect(res.status).toBe(201);
  });

  it('rejects a recipient the notice was not sent to, naming the field, and writes nothing', async () => {
    const audits = await db.auditEntry.count();
    const res = await h.api.post(ackPath, { recipientType: 'leader', recipientId: 'L09' });
    expectProblem(res, 422, { pointer: '/recipientId' });
    expect(res.body.detail).toContain('leader L09 is not a recipient');
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it('answers 404 for an unknown notice and 422 for a bad body', async () => {
    expectProblem(await h.api.post('/api/notices/nope/acknowledgements', { recipientType: 'leader', recipientId: 'L01' }), 404);
    expectProblem(await h.api.post(ackPath, { recipientType: 'mayor', recipientId: 'L01' }), 422, { pointer: '/recipientType' });
    expectProblem(await h.api.post(ackPath, { recipientType: 'leader' }), 422, { pointer: '/recipientId' });
  });
});

describe('GET /api/inbox', () => {
  it("lists a recipient's notices unread first", async () => {
    const res = await h.api.get('/api/inbox?recipient=leader:L01');
    expect(res.status).toBe(200);
    expect(res.body.unread).toBe(1);
    expect(res.body.items.map((i: { id: string; read: boolean }) => [i.id, i.read])).toEqual([
      ['quarterly-2026-Q2/joint-notice/c01', false],
      [noticeId, true],
    ]);
    expect(res.body.items[0]).toMatchObject({ kind: 'joint-notice', titleZh: expect.stringContaining('通报'), bodyEn: 'notice body' });
  });

  it('rejects a malformed recipient with 400 naming the parameter', async () => {
    expectProblem(await h.api.get('/api/inbox?recipient=L01'), 400);
    const res = await h.api.get('/api/inbox?recipient=mayor:L01');
    expectProblem(res, 400);
    expect(res.body.errors[0].parameter).toBe('recipient');
  });
});

// Acknowledging notices over HTTP, and the inbox that shows them: the recipient is always the
// caller, and another county's notices, or notices addressed to someone else, answer 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { freshSqlite } from '../support/db.js';
import { publishJointNotice } from '../support/notices.js';
import { ensureCounty, testCounty } from '../support/users.js';
import { expectProblem, harness, today } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let leader: Client, officer: Client, department: Client;
const noticeId = 'quarterly-2026-Q1/joint-notice/c01';
const ackPath = `/api/notices/${encodeURIComponent(noticeId)}/acknowledgements`;
const foreignId = 'quarterly-2026-Q1-other/joint-notice/x01';
const moneyId = '2026-Q1/subsidy/O01/payment-overdue/2026-05-02';

beforeAll(async () => {
  db = (await freshSqlite('api-notices')).db;
  h = await harness(db);
  await publishJointNotice(db, noticeId);
  await publishJointNotice(db, 'quarterly-2026-Q2/joint-notice/c01');
  await ensureCounty(db, 'other-county');
  // Another county's notice, addressed to recipients with the same ids.
  await publishJointNotice(db, foreignId, undefined, 'other-county');
  await publishJointNotice(db, moneyId, [
    { type: 'finance', id: 'finance' },
    { type: 'bureau', id: 'head' },
  ]);
  h.signals.running.add(`notice/${noticeId}`);
  [leader, officer, department] = await Promise.all([
    h.as({ role: 'leader', subjectId: 'L01' }),
    h.as({ role: 'officer', subjectId: 'O01' }),
    h.as({ role: 'department', subjectId: 'D01' }),
  ]);
});

afterAll(async () => db?.$disconnect());

describe('POST /api/notices/{id}/acknowledgements', () => {
  it('records the acknowledgement of the leader himself, audits it as him and signals the notice workflow', async () => {
    const res = await leader.post(ackPath, { recipientType: 'leader', recipientId: 'L01' });
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
    expect(audit[0]).toMatchObject({ actor: 'leader:L01', role: 'leader', countyId: testCounty, authMethod: 'token' });
    expect(audit[0]!.credentialId).toMatch(/^tok_/);
  });

  it('is idempotent: a second acknowledgement answers 200 with the original time and writes nothing', async () => {
    const audits = await db.auditEntry.count();
    const res = await leader.post(ackPath, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ recipientId: 'L01', acknowledgedAt: `${today}T08:00:00.000Z`, alreadyAcknowledged: true });
    expect(await db.auditEntry.count()).toBe(audits);
    expect(h.signals.sent).toHaveLength(1);
  });

  it('takes the notice id with raw slashes too, a body naming no one, and carries on when no workflow is running', async () => {
    const res = await officer.post('/api/notices/quarterly-2026-Q2/joint-notice/c01/acknowledgements');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ recipientType: 'officer', recipientId: 'O01' });
  });

  it("refuses acknowledging the leader's joint notice as someone else (403 naming the field), writing nothing", async () => {
    const audits = await db.auditEntry.count();
    const asOfficer = await officer.post(ackPath, { recipientType: 'leader', recipientId: 'L01' });
    expectProblem(asOfficer, 403, { pointer: '/recipientType' });
    expect(asOfficer.body.detail).toContain('you are officer O01');
    expectProblem(await department.post(ackPath, { recipientType: 'department', recipientId: 'D02' }), 403, { pointer: '/recipientId' });
    const otherLeader = await h.as({ role: 'leader', subjectId: 'L02' });
    expectProblem(await otherLeader.post(ackPath, { recipientType: 'leader', recipientId: 'L01' }), 403, { pointer: '/recipientId' });
    // Bureau staff do not act in others' names; province readers write nothing.
    expectProblem(await h.api.post(ackPath, { recipientType: 'leader', recipientId: 'L01' }), 403);
    expectProblem(await (await h.as({ role: 'province-reader', countyId: null })).post(ackPath, {}), 403);
    expect(await db.auditEntry.count()).toBe(audits);
    expect(await db.noticeRecipient.count({ where: { noticeId, recipientType: 'department', acknowledgedAt: { not: null } } })).toBe(0);
  });

  it("answers 404 for a notice not addressed to the caller, another county's notice and an unknown one", async () => {
    const audits = await db.auditEntry.count();
    const otherLeader = await h.as({ role: 'leader', subjectId: 'L09' });
    const res = await otherLeader.post(ackPath, {});
    expectProblem(res, 404);
    expect(res.body.detail).toBe(`Notice ${noticeId} does not exist`);
    expectProblem(await leader.post(`/api/notices/${encodeURIComponent(foreignId)}/acknowledgements`, {}), 404);
    const foreignLeader = await h.as({ role: 'leader', subjectId: 'L01', countyId: 'other-county', id: 'other-L01' });
    expectProblem(await foreignLeader.post(ackPath, {}), 404);
    expectProblem(await leader.post('/api/notices/nope/acknowledgements', {}), 404);
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it('lets finance and the bureau head acknowledge what is addressed to them, in their county', async () => {
    const path = `/api/notices/${encodeURIComponent(moneyId)}/acknowledgements`;
    const finance = await h.as({ role: 'finance' });
    expect((await finance.post(path, {}).expect(201)).body).toMatchObject({ recipientType: 'finance', recipientId: 'finance' });
    const foreignHead = await h.as({ role: 'bureau-head', countyId: 'other-county' });
    expectProblem(await foreignHead.post(path, {}), 404);
    const head = await h.as({ role: 'bureau-head' });
    expect((await head.post(path, { recipientType: 'bureau', recipientId: 'head' }).expect(201)).body).toMatchObject({ recipientType: 'bureau' });
    expectProblem(await leader.post(path, {}), 404);
    const audit = await db.auditEntry.findMany({ where: { entity: 'NoticeRecipient', action: 'acknowledge' }, orderBy: { id: 'asc' } });
    expect(audit.slice(-2).map((a) => [a.actor, a.role])).toEqual([
      [`finance:${testCounty}`, 'finance'],
      [`bureau-head:${testCounty}`, 'bureau-head'],
    ]);
  });

  it('answers 422 for a bad body', async () => {
    expectProblem(await leader.post(ackPath, { recipientType: 'mayor', recipientId: 'L01' }), 422, { pointer: '/recipientType' });
    expectProblem(await leader.post(ackPath, { recipientId: 7 }), 422, { pointer: '/recipientId' });
  });
});

describe('GET /api/inbox', () => {
  it("lists the caller's own notices of their county, unread first", async () => {
    const res = await leader.get('/api/inbox');
    expect(res.status).toBe(200);
    expect(res.body.recipient).toEqual({ type: 'leader', id: 'L01' });
    expect(res.body.unread).toBe(1);
    expect(res.body.items.map((i: { id: string; read: boolean }) => [i.id, i.read])).toEqual([
      ['quarterly-2026-Q2/joint-notice/c01', false],
      [noticeId, true],
    ]);
    expect(res.body.items[0]).toMatchObject({ kind: 'joint-notice', titleZh: expect.stringContaining('通报'), bodyEn: 'notice body' });
    expect((await leader.get('/api/inbox?recipient=leader:L01')).body).toEqual(res.body);
    const foreignLeader = await h.as({ role: 'leader', subjectId: 'L01', countyId: 'other-county', id: 'other-L01' });
    expect((await foreignLeader.get('/api/inbox').expect(200)).body.items.map((i: { id: string }) => i.id)).toEqual([foreignId]);
  });

  it("refuses another recipient's inbox (403 naming the parameter) and a malformed one (400)", async () => {
    const other = await leader.get('/api/inbox?recipient=leader:L02');
    expectProblem(other, 403);
    expect(other.body.errors[0].parameter).toBe('recipient');
    expectProblem(await h.api.get('/api/inbox?recipient=bureau:head'), 403);
    expectProblem(await leader.get('/api/inbox?recipient=L01'), 400);
    const res = await leader.get('/api/inbox?recipient=mayor:L01');
    expectProblem(res, 400);
    expect(res.body.errors[0].parameter).toBe('recipient');
  });

  it('gives roles no notice is addressed to an empty inbox, and the bureau head and finance theirs', async () => {
    expect((await h.api.get('/api/inbox').expect(200)).body).toEqual({ recipient: null, unread: 0, items: [] });
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/inbox').expect(200)).body).toEqual({ recipient: null, unread: 0, items: [] });
    const head = (await (await h.as({ role: 'bureau-head' })).get('/api/inbox').expect(200)).body;
    expect(head.items.map((i: { id: string }) => i.id)).toEqual([moneyId]);
    const finance = (await (await h.as({ role: 'finance' })).get('/api/inbox').expect(200)).body;
    expect(finance.recipient).toEqual({ type: 'finance', id: 'finance' });
  });
});

// The appeal routes on a real SQLite file with a decided quarter of the demo county: filing
// (fields, window, a second appeal), deciding, and the reads. Officers file for themselves,
// bureau staff decide, each within their county. The workflow port records the review it is
// asked to start; the review itself is tested on the time-skipping server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { appealWorkflowId } from '../../src/contracts/appeals.js';
import { cycleId as cycleIdOf } from '../../src/contracts/cycles.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { testCounty, testCountyRecord } from '../support/users.js';
import { expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
const cycleId = cycleIdOf('quarterly', '2026-Q1', testCounty);
/** Officers of the demo county, each signed in as themselves. */
const officer: Record<string, Client> = {};

beforeAll(async () => {
  t = await freshSqlite('appeals-api');
  await seedDemoCounty(t.db, { today: '2026-01-01', county: testCountyRecord });
  // The test county's first quarter, decided with the real activities.
  const activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
  await submitDemoFigures(
    t.db,
    '2026-Q1',
    (await t.db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id),
  );
  await activities.openCycle({ cycleId, period: '2026-Q1', countyId: testCounty });
  await activities.decideAndPersist({ cycleId, gaps: [] });
  h = await harness(t.db);
  for (const id of ['o01', 'o02', 'o03', 'o05']) officer[id] = await h.as({ role: 'officer', subjectId: id });
});
afterAll(() => t.drop());

const writes = async () => ({ appeals: await t.db.appeal.count(), audit: await t.db.auditEntry.count() });
const file = (body: Record<string, unknown> & { officerId?: string }, as = officer[body.officerId ?? 'o01']!) =>
  as.post('/api/appeals', { contests: 'evaluation', officerId: 'o01', cycleId, reason: '满意率调查漏计', ...body });

describe('filing an appeal', () => {
  it('refuses bad input with 422s naming the field, writing nothing', async () => {
    const before = await writes();
    expectProblem(await officer.o01!.post('/api/appeals', { officerId: 'o01', reason: 'x' }), 422, { pointer: '/contests' });
    expectProblem(await file({ reason: '' }), 422, { pointer: '/reason' });
    expectProblem(await file({ metric: 'happiness', value: 1 }), 422, { pointer: '/metric' });
    expectProblem(await file({ metric: 'satisfaction' }), 422, { pointer: '/value' });
    expectProblem(await file({ metric: 'satisfaction', value: 1.5 }), 422, { pointer: '/value' });
    // A user linked to no officer of the county files for nobody.
    expectProblem(await file({ officerId: 'nobody' }, await h.as({ role: 'officer', subjectId: 'nobody' })), 422, { pointer: '/officerId' });
    expectProblem(await file({ cycleId: 'quarterly-2025-Q4' }), 422, { pointer: '/cycleId' });
    expectProblem(
      await officer.o01!.post('/api/appeals', { contests: 'decision', officerId: 'o01', decisionId: `${cycleId}/subsidy/nobody`, reason: 'x' }),
      422,
      {
        pointer: '/decisionId',
      },
    );
    // A decision about someone else is not theirs to appeal.
    expectProblem(await officer.o01!.post('/api/appeals', { contests: 'decision', officerId: 'o01', decisionId: `${cycleId}/subsidy/o05`, reason: 'x' }), 422, {
      pointer: '/officerId',
    });
    expect(await writes()).toEqual(before);
    expect(h.cycles.appeals.size).toBe(0);
  });

  it("refuses an appeal after the window with 422 naming the window's end", async () => {
    const decisionId = `${cycleId}/subsidy/o03`;
    const { createdAt } = await t.db.decision.findUniqueOrThrow({ where: { id: decisionId } });
    await t.db.decision.update({ where: { id: decisionId }, data: { createdAt: new Date('2026-03-01T09:00:00Z') } });
    const res = await officer.o03!.post('/api/appeals', { contests: 'decision', officerId: 'o03', decisionId, reason: 'late' });
    await t.db.decision.update({ where: { id: decisionId }, data: { createdAt } });
    // Harness today is 2026-03-15; the default window is 10 days after the decision of 2026-03-01.
    expectProblem(res, 422, { pointer: '/decisionId' });
    expect(res.body.windowEndsOn).toBe('2026-03-11');
    expect(res.body.detail).toContain('ended on 2026-03-11');
  });

  it('files within the window, starts one review through the port, and refuses a second appeal while the first is open (409)', async () => {
    const res = await file({ metric: 'satisfaction', value: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      status: 'open',
      communityId: 'c01',
      officerId: 'o01',
      metric: 'satisfaction',
      value: 1,
      reviewStarted: true,
      deadlineOn: '2026-03-30',
      paymentsHeld: await t.db.paymentObligation.count({ where: { cycleId } }),
    });
    expect(res.body.explanation.zh).toContain('暂停');
    expect(res.headers.location).toBe(`/api/appeals/${res.body.id}`);
    expect(h.cycles.appeals.get(res.body.id)).toEqual({ remindEveryDays: 3, decideWithinDays: 15 });

    // The same office's period, contested again by the team's other officer through a decision.
    const second = await officer.o02!.post('/api/appeals', { contests: 'decision', decisionId: `${cycleId}/subsidy/o02`, reason: 'same quarter' });
    expectProblem(second, 409);
    expect(second.body.openAppeal).toBe(res.body.id);

    const list = await h.api.get('/api/appeals?status=open');
    expect(list.body.map((a: { id: number }) => a.id)).toEqual([res.body.id]);
    const obligation = await h.api.get(`/api/obligations/${encodeURIComponent('2026-Q1/subsidy/o05')}/appeals`);
    expect(obligation.body).toMatchObject({ frozen: true, heldBy: [res.body.id], revisions: [{ id: `${cycleId}/subsidy/o05`, revision: 0 }] });
  });
});

describe('deciding an appeal', () => {
  it('answers 404 for an unknown appeal, 422s naming fields, and 409 once decided', async () => {
    const open = (await h.api.get('/api/appeals?status=open')).body[0];
    h.signals.running.add(appealWorkflowId(open.id));
    expectProblem(await h.api.post('/api/appeals/9999/decision', { outcome: 'upheld', reason: 'x' }), 404);
    expectProblem(await h.api.get('/api/appeals/9999'), 404);
    expectProblem(await h.api.post(`/api/appeals/${open.id}/decision`, { outcome: 'maybe', reason: 'x' }), 422, { pointer: '/outcome' });
    expectProblem(await h.api.post(`/api/appeals/${open.id}/decision`, { outcome: 'upheld', reason: '' }), 422, { pointer: '/reason' });
    expectProblem(await h.api.post(`/api/appeals/${open.id}/decision`, { outcome: 'upheld', reason: 'x', metric: 'satisfaction', value: 0.9 }), 422, {
      pointer: '/metric',
    });

    const res = await h.api.post(`/api/appeals/${open.id}/decision`, { outcome: 'overturned', reason: '复核确认漏计', metric: 'satisfaction', value: 0.98 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'overturned', decidedBy: 'tester', acceptedMetric: 'satisfaction', acceptedValue: 0.98, followedUp: true });
    expect(h.signals.sent).toContainEqual({ workflowId: appealWorkflowId(open.id), signalName: 'appealDecided', arg: { status: 'overturned' } });
    expectProblem(await h.api.post(`/api/appeals/${open.id}/decision`, { outcome: 'upheld', reason: 'again' }), 409);
    const audit = await t.db.auditEntry.findMany({ where: { entity: 'Appeal', entityId: String(open.id) }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['create', 'overturn']);
  });

  it('after the re-decision, the previous decisions and amounts can still be read with who replaced them and why', async () => {
    const [overturned] = (await h.api.get('/api/appeals?status=overturned')).body;
    const before = await t.db.paymentObligation.findUniqueOrThrow({ where: { id: '2026-Q1/subsidy/o01' } });
    // The activities the review workflow runs, called directly.
    const acts = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2026-03-16T00:00:00Z') });
    await acts.redecideAppeal({ appealId: overturned.id });
    await acts.concludeAppeal({ appealId: overturned.id });

    const old = await h.api.get(`/api/decisions/${encodeURIComponent(`${cycleId}/subsidy/o01`)}`);
    const successor = `${cycleId}/subsidy/o01/appeal-${overturned.id}`;
    expect(old.body).toMatchObject({
      amount: before.amountFen / 100,
      supersededBy: successor,
      supersededByAppeal: overturned.id,
      supersededAt: expect.any(String),
    });
    expect(old.body.supersededReason).toContain('复核确认漏计');
    const sanction = await h.api.get(`/api/decisions/${encodeURIComponent(`${cycleId}/circulated-criticism/c01`)}`);
    expect(sanction.body).toMatchObject({ supersededBy: null, supersededByAppeal: overturned.id });
    const why = await h.api.get(`/api/decisions/${encodeURIComponent(`${cycleId}/circulated-criticism/c01`)}/explanation`);
    expect(why.body.superseded).toMatchObject({ by: null, appeal: overturned.id, reason: expect.stringContaining(`第${overturned.id}号申诉改判`) });
    const successorWhy = await h.api.get(`/api/decisions/${encodeURIComponent(successor)}/explanation`);
    expect(successorWhy.body).toMatchObject({ appeal: overturned.id, superseded: null, amount: expect.any(Number) });
    expect(successorWhy.body.zh).toEqual(expect.any(String));

    const chain = await h.api.get(`/api/obligations/${encodeURIComponent('2026-Q1/subsidy/o01')}/appeals`);
    expect(chain.body).toMatchObject({ frozen: false, heldBy: [], obligation: { decisionId: successor } });
    expect(chain.body.revisions.map((d: { id: string; amount: number; revision: number }) => [d.id, d.amount, d.revision])).toEqual([
      [`${cycleId}/subsidy/o01`, before.amountFen / 100, 0],
      [successor, chain.body.obligation.amount, 1],
    ]);
    expect(chain.body.obligation.amount).not.toBe(before.amountFen / 100);

    const appeal = await h.api.get(`/api/appeals/${overturned.id}`);
    expect(appeal.body).toMatchObject({ status: 'overturned', redecidedAt: expect.any(String), paymentsHeld: 0 });
    expect(appeal.body.decisions.replaced.map((d: { id: string }) => d.id)).toContain(`${cycleId}/circulated-criticism/c01`);
    expect(appeal.body.decisions.created.map((d: { id: string }) => d.id)).toContain(successor);
    expect(appeal.body.evaluations.replaced[0]).toMatchObject({ communityId: 'c01', supersededByAppeal: overturned.id });
    expect(appeal.body.notices.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['appeal-decided', 'payment-corrected', 'notice-withdrawn']),
    );
    expect(appeal.body.explanation.zh).toContain('原记录保留');
    expect(appeal.body.explanation.en).toContain('c01 score');
    const audit = await h.api.get(`/api/audit?entity=PaymentObligation&entityId=${encodeURIComponent('2026-Q1/subsidy/o01')}`);
    expect(audit.status).toBe(200);

    // Lists of results tell what stands from what an appeal replaced.
    const standing = (await h.api.get(`/api/decisions?cycleId=${cycleId}&subjectId=o01&standing=true`)).body;
    expect(standing.map((d: { id: string }) => d.id)).toEqual([successor]);
    const replaced = (await h.api.get(`/api/decisions?cycleId=${cycleId}&subjectId=o01&standing=false`)).body;
    expect(replaced.map((d: { id: string }) => d.id)).toEqual([`${cycleId}/subsidy/o01`]);
    const evaluations = (await h.api.get(`/api/evaluations?cycleId=${cycleId}&communityId=c01`)).body;
    expect(evaluations.map((e: { revision: number; supersededAt: string | null }) => [e.revision, e.supersededAt === null]).sort()).toEqual([
      [0, false],
      [1, true],
    ]);
    expect((await h.api.get(`/api/evaluations?cycleId=${cycleId}&communityId=c01&standing=true`)).body).toHaveLength(1);
    expectProblem(await h.api.get('/api/decisions?standing=yes'), 400);
  });

  it('refuses an overturn without a corrected figure, naming /metric', async () => {
    const res = await file({ officerId: 'o05' });
    expect(res.body.filedBy).toBe('officer:o05');
    expect(res.status).toBe(201);
    expectProblem(await h.api.post(`/api/appeals/${res.body.id}/decision`, { outcome: 'overturned', reason: 'x' }), 422, { pointer: '/metric' });
    const upheld = await h.api.post(`/api/appeals/${res.body.id}/decision`, { outcome: 'upheld', reason: '数据无误' });
    expect(upheld.body).toMatchObject({ status: 'upheld', acceptedMetric: null });
    expect(upheld.body.explanation.en).toContain('upheld');
  });

  it('lists appeals a page at a time, refusing unknown parameters', async () => {
    const all = (await h.api.get('/api/appeals')).body as { id: number }[];
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await h.api.get('/api/appeals?limit=1');
    expect(first.body.map((a: { id: number }) => a.id)).toEqual([all[0]!.id]);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.link ?? '')![1]!;
    expect((await h.api.get(next)).body.map((a: { id: number }) => a.id)).toEqual([all[1]!.id]);
    expectProblem(await h.api.get('/api/appeals?officer=o01'), 400);
    expectProblem(await h.api.get(`/api/appeals/${all[0]!.id}?x=1`), 400);
  });
});

describe('who may file, decide and read appeals', () => {
  const otherCounty = 'other-county';
  let mine: number;

  it("refuses filing in another officer's name with 403 naming /officerId, and filing by anyone but an officer; nothing is written", async () => {
    const before = await writes();
    expectProblem(await file({ officerId: 'o03' }, officer.o01!), 403, { pointer: '/officerId' });
    expectProblem(await h.api.post('/api/appeals', { contests: 'evaluation', officerId: 'o03', cycleId, reason: 'x' }), 403);
    expectProblem(await (await h.as({ role: 'finance' })).post('/api/appeals', { contests: 'evaluation', cycleId, reason: 'x' }), 403);
    expect(await writes()).toEqual(before);
  });

  it("answers another county's cycle or decision as missing (422, as a missing one)", async () => {
    const before = await writes();
    // o03 of the other county: the demo county's records are not theirs to appeal.
    const there = await h.as({ role: 'officer', subjectId: 'o03', countyId: otherCounty, id: 'officer:o03@other' });
    expectProblem(await there.post('/api/appeals', { contests: 'evaluation', cycleId, reason: 'x' }), 422, { pointer: '/officerId' });
    expect(await writes()).toEqual(before);
  });

  it('files for the officer signed in, without naming them; the row and audit name the user, role and county', async () => {
    const res = await officer.o03!.post('/api/appeals', { contests: 'evaluation', cycleId, reason: '本所数据漏报' });
    expect(res.status).toBe(201);
    mine = res.body.id;
    expect(res.body).toMatchObject({ officerId: 'o03', filedBy: 'officer:o03', countyId: testCounty });
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'Appeal', entityId: String(mine), action: 'create' } });
    expect(audit).toMatchObject({
      actor: 'officer:o03',
      role: 'officer',
      countyId: testCounty,
      authMethod: 'token',
      credentialId: expect.stringMatching(/^tok_/),
    });
  });

  it("lets officers read only their own appeals (another officer's answers 404)", async () => {
    expect((await officer.o03!.get('/api/appeals')).body.map((a: { officerId: string }) => a.officerId)).toEqual(['o03']);
    await officer.o03!.get(`/api/appeals/${mine}`).expect(200);
    expectProblem(await officer.o01!.get(`/api/appeals/${mine}`), 404);
    expect((await officer.o01!.get('/api/appeals?officerId=o03')).body).toEqual([]);
  });

  it("lets only bureau staff decide (403 for the officer, the bureau head); another county's staff get 404", async () => {
    const before = await writes();
    expectProblem(await officer.o03!.post(`/api/appeals/${mine}/decision`, { outcome: 'upheld', reason: 'x' }), 403);
    expectProblem(await (await h.as({ role: 'bureau-head' })).post(`/api/appeals/${mine}/decision`, { outcome: 'upheld', reason: 'x' }), 403);
    const theirStaff = await h.as({ role: 'bureau-staff', countyId: otherCounty });
    expectProblem(await theirStaff.post(`/api/appeals/${mine}/decision`, { outcome: 'upheld', reason: 'x' }), 404);
    expectProblem(await theirStaff.get(`/api/appeals/${mine}`), 404);
    expect((await theirStaff.get('/api/appeals')).body).toEqual([]);
    expect(await writes()).toEqual(before);

    const staff = await h.as({ role: 'bureau-staff', id: 'staff:wang' });
    const res = await staff.post(`/api/appeals/${mine}/decision`, { outcome: 'upheld', reason: '数据无误' });
    expect(res.status).toBe(200);
    expect(res.body.decidedBy).toBe('staff:wang');
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'Appeal', entityId: String(mine), action: 'uphold' } });
    expect(audit).toMatchObject({ actor: 'staff:wang', role: 'bureau-staff', countyId: testCounty, authMethod: 'token' });
  });
});

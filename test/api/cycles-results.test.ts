import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { addCommunity, addOfficer } from '../support/countyRows.js';
import { testCounty } from '../support/users.js';
import { actor, c01, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-cycles');
  h = await harness(t.db);
  await addCommunity(t.db, c01);
});
afterAll(() => t.drop());

describe('cycles', () => {
  it('starts a quarterly cycle with 202 and its id, audited', async () => {
    const res = await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q3' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ cycleId: 'quarterly-2025-Q3-test-county' });
    expect(res.headers.location).toBe('/api/cycles/quarterly-2025-Q3-test-county');
    // Started in the caller's county, by the caller, whose name the Temporal UI shows.
    expect(h.cycles.started.get('quarterly-2025-Q3-test-county')).toEqual({
      countyId: testCounty,
      kind: 'quarterly',
      period: '2025-Q3',
      startedBy: { userId: actor, name: 'Test clerk' },
    });
    expect(await t.db.auditEntry.findMany({ where: { entity: 'Cycle' } })).toEqual([
      expect.objectContaining({
        actor,
        countyId: testCounty,
        role: 'bureau-staff',
        authMethod: 'bootstrap',
        action: 'start',
        entityId: 'quarterly-2025-Q3-test-county',
      }),
    ]);
  });

  it('lets only bureau staff start a cycle', async () => {
    for (const role of ['bureau-head', 'finance', 'province-reader'] as const) {
      const other = await h.as({ role, countyId: role === 'province-reader' ? null : undefined });
      expectProblem(await other.post('/api/cycles', { kind: 'quarterly', period: '2025-Q4' }), 403);
    }
    expect(h.cycles.started.size).toBe(1);
  });

  it('answers a second start of the same cycle with 409 naming /period', async () => {
    expectProblem(await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q3' }), 409, { pointer: '/period' });
  });

  it.each([
    ['an unknown kind', { kind: 'weekly', period: '2026-Q2' }, '/kind'],
    ['a quarter for a monthly cycle', { kind: 'monthly', period: '2026-Q2' }, '/period'],
    ['a month for a half-year cycle', { kind: 'half-year', period: '2026-06' }, '/period'],
    ['a month the rules in force do not evaluate', { kind: 'monthly', period: '2026-02' }, '/kind'],
    ['a bad period', { kind: 'quarterly', period: '2026-Q0' }, '/period'],
  ])('rejects %s with 422', async (_, body, pointer) => {
    expectProblem(await h.api.post('/api/cycles', body), 422, { pointer });
    expect(h.cycles.started.size).toBe(1);
  });

  it("reports a running cycle flat: status, step, and Temporal's execution", async () => {
    const res = await h.api.get('/api/cycles/quarterly-2025-Q3-test-county');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      cycleId: 'quarterly-2025-Q3-test-county',
      countyId: testCounty,
      kind: 'quarterly',
      period: '2025-Q3',
      status: 'running',
      step: 'collecting',
      execution: 'RUNNING',
      ruleSetVersionId: null,
      gaps: null,
      startedAt: null,
      decidedAt: null,
    });
  });

  it('reports a decided cycle, and a failed one with the reason and what to fix', async () => {
    await t.db.cycle.create({
      data: {
        id: 'quarterly-2025-Q2',
        countyId: testCounty,
        kind: 'quarterly',
        period: '2025-Q2',
        status: 'decided',
        ruleSetVersionId: 1,
        gaps: [],
        completedAt: new Date('2025-07-09T00:00:00Z'),
      },
    });
    await t.db.cycle.create({
      data: {
        id: 'quarterly-2025-Q1',
        countyId: testCounty,
        kind: 'quarterly',
        period: '2025-Q1',
        status: 'failed',
        ruleSetVersionId: 1,
        failureType: 'OfficeWithoutOfficer',
        failureReason: 'figures for 2025-Q1 were submitted for c02, but no officer is bound there on 2025-03-31',
        failureFix: 'bind an officer to c02',
        failedAt: new Date('2025-04-02T00:00:00Z'),
      },
    });
    expect((await h.api.get('/api/cycles/quarterly-2025-Q2')).body).toMatchObject({
      cycleId: 'quarterly-2025-Q2',
      status: 'decided',
      execution: null,
      ruleSetVersionId: 1,
      decidedAt: '2025-07-09T00:00:00.000Z',
    });
    const failed = (await h.api.get('/api/cycles/quarterly-2025-Q1')).body;
    expect(failed).toMatchObject({
      cycleId: 'quarterly-2025-Q1',
      kind: 'quarterly',
      period: '2025-Q1',
      status: 'failed',
      execution: null,
      failure: { type: 'OfficeWithoutOfficer', reason: expect.stringContaining('c02'), fix: 'bind an officer to c02', at: '2025-04-02T00:00:00.000Z' },
    });
    expect(failed).not.toHaveProperty('step');
    expect((await h.api.get('/api/cycles')).body.map((c: { id: string }) => c.id).sort()).toEqual(['quarterly-2025-Q1', 'quarterly-2025-Q2']);
    expect((await h.api.get('/api/cycles?period=2025-Q2')).body).toHaveLength(1);
  });

  it('answers 404 for a cycle neither Temporal nor the database knows', async () => {
    expectProblem(await h.api.get('/api/cycles/quarterly-2030-Q1'), 404);
  });

  it('answers a start of a period whose cycle was made before counties (under its old id) with 409, starting nothing', async () => {
    // quarterly-2025-Q2 above is such a cycle: decided, in this county, without the county in its id.
    const res = await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q2' });
    expectProblem(res, 409, { pointer: '/period' });
    expect(res.body.errors[0].message).toContain('quarterly-2025-Q2');
    expect([...h.cycles.started.keys()]).toEqual(['quarterly-2025-Q3-test-county']);
    // A failed one is started again, under its old id (the Temporal port looks it up by county, kind and period).
    expect((await h.api.post('/api/cycles', { kind: 'quarterly', period: '2025-Q1' })).status).toBe(202);
  });

  it("keeps each county's cycles to itself: lists scoped, another county's cycle 404, a province reader sees all", async () => {
    await t.db.cycle.create({
      data: { id: 'quarterly-2025-Q2-other', countyId: 'other', kind: 'quarterly', period: '2025-Q2', status: 'decided', ruleSetVersionId: 1 },
    });
    expect((await h.api.get('/api/cycles')).body.map((c: { id: string }) => c.id)).not.toContain('quarterly-2025-Q2-other');
    expectProblem(await h.api.get('/api/cycles/quarterly-2025-Q2-other'), 404);
    const leader = await h.as({ role: 'leader', subjectId: 'L01' });
    expect((await leader.get('/api/cycles?period=2025-Q2')).body.map((c: { id: string }) => c.id)).toEqual(['quarterly-2025-Q2']);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/cycles?period=2025-Q2')).body.map((c: { id: string }) => c.id).sort()).toEqual([
      'quarterly-2025-Q2',
      'quarterly-2025-Q2-other',
    ]);
    expect((await province.get('/api/cycles/quarterly-2025-Q2-other')).body).toMatchObject({ countyId: 'other', status: 'decided' });
    await t.db.cycle.delete({ where: { id: 'quarterly-2025-Q2-other' } });
  });

  it('answers an unexpected failure with a logged 500 and a generic detail', async () => {
    h.cycles.statusError = new Error('connection refused to 10.0.0.7:7233');
    try {
      const res = await h.api.get('/api/cycles/quarterly-2025-Q3-test-county');
      expectProblem(res, 500);
      expect(res.body.detail).not.toContain('10.0.0.7');
      expect(h.logger.errors).toHaveLength(1);
    } finally {
      h.cycles.statusError = undefined;
    }
  });
});

describe('results', () => {
  const countyId = testCounty;
  beforeAll(async () => {
    const cycleId = 'quarterly-2025-Q4';
    await addOfficer(t.db, 'o01', 'c01', '2025-01-01');
    await t.db.evaluation.create({
      data: { countyId, cycleId, period: '2025-Q4', communityId: 'c01', score: 78.2, rank: 10, isLast: true, breakdown: [], missing: [] },
    });
    await t.db.decision.createMany({
      data: [
        {
          id: `${cycleId}/c01/circulated-criticism`,
          countyId,
          cycleId,
          type: 'sanction',
          kind: 'circulated-criticism',
          subjectType: 'community',
          subjectId: 'c01',
          officers: ['o01'],
          rule: 'last-place',
          reason: 'last',
          facts: {},
        },
        {
          id: `${cycleId}/o01/subsidy`,
          countyId,
          cycleId,
          type: 'subsidy',
          kind: 'subsidy',
          subjectType: 'officer',
          subjectId: 'o01',
          officers: ['o01'],
          rule: 'subsidy',
          reason: 'share',
          facts: {},
          amountFen: 145340,
        },
      ],
    });
    await t.db.paymentObligation.create({
      data: {
        id: '2025-Q4/subsidy/o01',
        countyId,
        cycleId,
        decisionId: `${cycleId}/o01/subsidy`,
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'o01',
        amountFen: 145340,
        dueOn: '2026-01-30',
      },
    });
    await t.db.notice.create({
      data: {
        id: `${cycleId}/joint-notice/c01`,
        countyId,
        kind: 'joint-notice',
        cycleId,
        about: 'c01',
        titleZh: '通报',
        bodyZh: '…',
        bodyEn: '…',
        facts: {},
        recipients: {
          create: [
            { recipientType: 'officer', recipientId: 'o01' },
            { recipientType: 'leader', recipientId: 'L01' },
          ],
        },
      },
    });
  });

  it('lists evaluations by period or cycle', async () => {
    expect((await h.api.get('/api/evaluations?period=2025-Q4')).body).toEqual([expect.objectContaining({ communityId: 'c01', rank: 10, isLast: true })]);
    expect((await h.api.get('/api/evaluations?cycleId=quarterly-2025-Q4')).body).toHaveLength(1);
    expect((await h.api.get('/api/evaluations?period=2026-Q1')).body).toEqual([]);
    expectProblem(await h.api.get('/api/evaluations?period=Q4'), 400);
  });

  it('lists and reads decisions with amounts in yuan', async () => {
    const sanctions = (await h.api.get('/api/decisions?cycleId=quarterly-2025-Q4&type=sanction')).body;
    expect(sanctions).toEqual([expect.objectContaining({ kind: 'circulated-criticism', amount: null })]);
    const subsidy = await h.api.get(`/api/decisions/${encodeURIComponent('quarterly-2025-Q4/o01/subsidy')}`);
    expect(subsidy.body).toMatchObject({ amountFen: 145340, amount: 1453.4 });
    expectProblem(await h.api.get('/api/decisions/nothing'), 404);
  });

  it('lists obligations by payee with amounts in yuan', async () => {
    expect((await h.api.get('/api/obligations?payeeId=o01')).body).toEqual([
      expect.objectContaining({ id: '2025-Q4/subsidy/o01', amount: 1453.4, status: 'open' }),
    ]);
    expect((await h.api.get('/api/obligations?payeeId=o02')).body).toEqual([]);
  });

  it('lists notices with their recipients, filtered by recipient', async () => {
    const notices = (await h.api.get('/api/notices?kind=joint-notice&about=c01')).body;
    expect(notices).toHaveLength(1);
    expect(notices[0].recipients.map((r: { recipientId: string }) => r.recipientId)).toEqual(['L01', 'o01']);
    expect((await h.api.get('/api/notices?recipientId=L01')).body).toHaveLength(1);
    expect((await h.api.get('/api/notices?recipientId=L02')).body).toEqual([]);
  });

  it('rejects a repeated query parameter with 400', async () => {
    const res = await h.api.get('/api/notices?kind=a&kind=b');
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'kind' })]);
  });
});

describe('who reads which results', () => {
  const otherCounty = 'other-county';
  const cycleId = 'quarterly-2025-Q4';
  const enc = encodeURIComponent;
  type Client = Awaited<ReturnType<typeof h.as>>;
  let o01: Client;
  let o02: Client;
  beforeAll(async () => {
    // o02 serves c02, whose evaluation and decision are not o01's; x01 is another county's office.
    await addCommunity(t.db, { id: 'c02' });
    await addOfficer(t.db, 'o02', 'c02', '2025-01-01');
    await addCommunity(t.db, { id: 'x01' }, otherCounty);
    await addOfficer(t.db, 'x-o01', 'x01', '2025-01-01', null, otherCounty);
    const base = { cycleId, rule: 'subsidy', reason: 'share', facts: {} };
    await t.db.evaluation.createMany({
      data: [
        { countyId: testCounty, cycleId, period: '2025-Q4', communityId: 'c02', score: 90, rank: 1, isLast: false, breakdown: [], missing: [] },
        {
          countyId: otherCounty,
          cycleId: `${cycleId}-x`,
          period: '2025-Q4',
          communityId: 'x01',
          score: 80,
          rank: 1,
          isLast: false,
          breakdown: [],
          missing: [],
        },
      ],
    });
    await t.db.decision.createMany({
      data: [
        {
          ...base,
          id: `${cycleId}/o02/subsidy`,
          countyId: testCounty,
          type: 'subsidy',
          kind: 'subsidy',
          subjectType: 'officer',
          subjectId: 'o02',
          officers: ['o02'],
          amountFen: 100,
        },
        {
          ...base,
          id: `${cycleId}-x/x-o01/subsidy`,
          countyId: otherCounty,
          type: 'subsidy',
          kind: 'subsidy',
          subjectType: 'officer',
          subjectId: 'x-o01',
          officers: ['x-o01'],
          amountFen: 100,
        },
      ],
    });
    await t.db.paymentObligation.createMany({
      data: [
        {
          id: '2025-Q4/subsidy/o02',
          countyId: testCounty,
          cycleId,
          decisionId: `${cycleId}/o02/subsidy`,
          kind: 'subsidy',
          payeeType: 'officer',
          payeeId: 'o02',
          amountFen: 100,
          dueOn: '2026-01-30',
        },
        {
          id: '2025-Q4-x/subsidy/x-o01',
          countyId: otherCounty,
          cycleId: `${cycleId}-x`,
          decisionId: `${cycleId}-x/x-o01/subsidy`,
          kind: 'subsidy',
          payeeType: 'officer',
          payeeId: 'x-o01',
          amountFen: 100,
          dueOn: '2026-01-30',
        },
      ],
    });
    await t.db.notice.create({
      data: {
        id: `${cycleId}-x/joint-notice/x01`,
        countyId: otherCounty,
        kind: 'joint-notice',
        cycleId: `${cycleId}-x`,
        about: 'x01',
        titleZh: '通报',
        bodyZh: '…',
        bodyEn: '…',
        facts: {},
        recipients: {
          create: [
            { recipientType: 'officer', recipientId: 'x-o01' },
            { recipientType: 'finance', recipientId: 'finance' },
          ],
        },
      },
    });
    await t.db.notice.create({
      data: {
        id: '2025-Q4/subsidy/o01/payment-reminder',
        countyId: testCounty,
        kind: 'payment-reminder',
        about: '2025-Q4/subsidy/o01',
        titleZh: '提醒',
        bodyZh: '…',
        bodyEn: '…',
        facts: {},
        recipients: { create: [{ recipientType: 'finance', recipientId: 'finance' }] },
      },
    });
    o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    o02 = await h.as({ role: 'officer', subjectId: 'o02' });
  });

  it("lets an officer read their own office's evaluations, the decisions naming them and their money; another's answers 404", async () => {
    expect((await o01.get('/api/evaluations').expect(200)).body.map((e: { communityId: string }) => e.communityId)).toEqual(['c01']);
    expect((await o02.get('/api/evaluations?communityId=c01').expect(200)).body).toEqual([]);
    const decisions = (await o01.get('/api/decisions').expect(200)).body.map((d: { id: string }) => d.id);
    expect(decisions.sort()).toEqual([`${cycleId}/c01/circulated-criticism`, `${cycleId}/o01/subsidy`]);
    await o01.get(`/api/decisions/${enc(`${cycleId}/c01/circulated-criticism`)}`).expect(200);
    expectProblem(await o01.get(`/api/decisions/${enc(`${cycleId}/o02/subsidy`)}`), 404);
    expectProblem(await o01.get(`/api/decisions/${enc(`${cycleId}/o02/subsidy`)}/explanation`), 404);
    expect((await o01.get('/api/obligations').expect(200)).body.map((o: { id: string }) => o.id)).toEqual(['2025-Q4/subsidy/o01']);
    await o01.get('/api/obligations/2025-Q4/subsidy/o01').expect(200);
    expectProblem(await o01.get('/api/obligations/2025-Q4/subsidy/o02'), 404);
    expectProblem(await o01.get(`/api/obligations/${enc('2025-Q4/subsidy/o02')}/appeals`), 404);
  });

  it("answers another county's results as missing (404) and leaves them out of lists", async () => {
    expectProblem(await h.api.get(`/api/decisions/${enc(`${cycleId}-x/x-o01/subsidy`)}`), 404);
    expectProblem(await h.api.get('/api/obligations/2025-Q4-x/subsidy/x-o01'), 404);
    expect((await h.api.get('/api/evaluations?period=2025-Q4')).body.map((e: { communityId: string }) => e.communityId).sort()).toEqual(['c01', 'c02']);
    expect((await h.api.get('/api/decisions')).body.every((d: { countyId: string }) => d.countyId === testCounty)).toBe(true);
    expect((await h.api.get('/api/notices?about=x01')).body).toEqual([]);
    // An officer of that county reads their own; a province reader reads both counties.
    const x = await h.as({ role: 'officer', subjectId: 'x-o01', countyId: otherCounty });
    await x.get(`/api/decisions/${enc(`${cycleId}-x/x-o01/subsidy`)}`).expect(200);
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/evaluations?period=2025-Q4')).body).toHaveLength(3);
    await province.get(`/api/decisions/${enc(`${cycleId}-x/x-o01/subsidy`)}`).expect(200);
  });

  it("lets finance read the county's obligations and the decisions it pays, never another county's; readers everything of the county", async () => {
    const finance = await h.as({ role: 'finance' });
    expect((await finance.get('/api/obligations').expect(200)).body.map((o: { id: string }) => o.id).sort()).toEqual([
      '2025-Q4/subsidy/o01',
      '2025-Q4/subsidy/o02',
    ]);
    await finance.get('/api/obligations/2025-Q4/subsidy/o02').expect(200);
    expectProblem(await finance.get('/api/obligations/2025-Q4-x/subsidy/x-o01'), 404);
    // Finance pays decisions: it reads the county's (county reach), another county's are 404.
    const decisions = (await finance.get('/api/decisions').expect(200)).body.map((d: { id: string }) => d.id);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions).toEqual((await h.api.get('/api/decisions').expect(200)).body.map((d: { id: string }) => d.id));
    expect(decisions.some((id: string) => id.startsWith(`${cycleId}-x`))).toBe(false);
    await finance.get(`/api/decisions/${enc(decisions[0])}`).expect(200);
    await finance.get(`/api/decisions/${enc(decisions[0])}/explanation`).expect(200);
    expectProblem(await finance.get(`/api/decisions/${enc(`${cycleId}-x/x-o01/subsidy`)}`), 404);
    expectProblem(await finance.get('/api/evaluations'), 403);
    const head = await h.as({ role: 'bureau-head' });
    expect((await head.get('/api/obligations').expect(200)).body).toHaveLength(2);
  });

  it('lists each role the notices addressed to it; readers the county', async () => {
    const ids = async (c: Client, q = '') => (await c.get(`/api/notices${q}`).expect(200)).body.map((n: { id: string }) => n.id);
    expect(await ids(await h.as({ role: 'leader', subjectId: 'L01' }))).toEqual([`${cycleId}/joint-notice/c01`]);
    expect(await ids(await h.as({ role: 'leader', subjectId: 'L02' }))).toEqual([]);
    expect(await ids(o01)).toEqual([`${cycleId}/joint-notice/c01`]);
    expect(await ids(o02)).toEqual([]);
    // A filter cannot widen the list: o02 asking for o01's notices sees none.
    expect(await ids(o02, '?recipientId=o01')).toEqual([]);
    expect(await ids(await h.as({ role: 'finance' }))).toEqual(['2025-Q4/subsidy/o01/payment-reminder']);
    expect(await ids(await h.as({ role: 'department', subjectId: 'zhian' }))).toEqual([]);
    expect((await ids(h.api)).sort()).toEqual(['2025-Q4/subsidy/o01/payment-reminder', `${cycleId}/joint-notice/c01`]);
  });
});

// The payment routes on a real SQLite file: validation, idempotency, signals and reconciliation;
// finance records and corrects, the payee officer confirms or disputes, each only in their county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentWorkflowId } from '../../src/contracts/payments.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { expectProblem, harness } from '../api/harness.js';
import { testCounty } from '../support/users.js';
import { reconciliationSheet } from '../support/workbook.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
let finance: Client;
/** The payee officers, by id. */
const officer: Record<string, Client> = {};

// Harness today is 2026-03-15: o02's obligation is already overdue, the others are not due yet.
const obligations = [
  { id: '2026-Q1/subsidy/o01', payeeId: 'o01', amountFen: 150_000, dueOn: '2026-04-30' },
  { id: '2026-Q1/subsidy/o02', payeeId: 'o02', amountFen: 148_000, dueOn: '2026-03-01' },
  { id: '2026-Q1/subsidy/o03', payeeId: 'o03', amountFen: 152_000, dueOn: '2026-04-30' },
  { id: '2026-Q1/subsidy/o04', payeeId: 'o04', amountFen: 100_000, dueOn: '2026-04-30' },
];
const enc = (id: string) => encodeURIComponent(id);

beforeAll(async () => {
  t = await freshSqlite('payments-api');
  h = await harness(t.db);
  finance = await h.as({ role: 'finance' });
  for (const id of ['o01', 'o02', 'o03', 'o04', 'o05']) officer[id] = await h.as({ role: 'officer', subjectId: id });
  for (const o of obligations) {
    await t.db.paymentObligation.create({
      data: {
        ...o,
        countyId: testCounty,
        cycleId: 'quarterly-2026-Q1',
        decisionId: `quarterly-2026-Q1/subsidy/${o.payeeId}`,
        kind: 'subsidy',
        payeeType: 'officer',
      },
    });
    h.signals.running.add(paymentWorkflowId(o.id));
  }
});
afterAll(() => t.drop());

async function writes() {
  const [payments, disputes, audit, notices, obligations] = await Promise.all([
    t.db.obligationPayment.count(),
    t.db.paymentDispute.count(),
    t.db.auditEntry.count(),
    t.db.notice.count(),
    t.db.paymentObligation.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { payments, disputes, audit, notices, obligations };
}

const pay = (body: object) =>
  finance.post('/api/payments', { obligationId: '2026-Q1/subsidy/o01', amount: 500, paidOn: '2026-03-10', reference: 'FIN-1', ...body });

describe('POST /api/payments', () => {
  it('records a payment, audits it and tells the workflow; the same reference again is answered, not stored twice', async () => {
    const first = await pay({}).expect(201);
    expect(first.body).toMatchObject({ obligationId: '2026-Q1/subsidy/o01', amount: 500, reference: 'FIN-1', followedUp: true });
    const again = await pay({}).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await t.db.obligationPayment.count({ where: { reference: 'FIN-1' } })).toBe(1);
    expect(await t.db.auditEntry.count({ where: { entity: 'ObligationPayment', entityId: 'FIN-1', actor: 'finance:test-county' } })).toBe(1);
    expect(h.signals.sent.filter((s) => s.signalName === 'paymentRecorded')).toHaveLength(2);
    expect((await t.db.paymentObligation.findUniqueOrThrow({ where: { id: '2026-Q1/subsidy/o01' } })).status).toBe('open');
  });

  it.each([
    ['a negative amount', { amount: -5, reference: 'FIN-neg' }, 422, '/amount'],
    ['a zero amount', { amount: 0, reference: 'FIN-zero' }, 422, '/amount'],
    ['fractions of a fen', { amount: 1.005, reference: 'FIN-frac' }, 422, '/amount'],
    ['an unknown obligation', { obligationId: '2026-Q1/subsidy/nobody', reference: 'FIN-unknown' }, 422, '/obligationId'],
    ['more than is still owed', { amount: 1000.01, reference: 'FIN-over' }, 422, '/amount'],
    ['a payment date in the future', { paidOn: '2026-03-16', reference: 'FIN-future' }, 422, '/paidOn'],
    ['an impossible date', { paidOn: '2026-02-30', reference: 'FIN-date' }, 422, '/paidOn'],
    ['a reference reused for another payment', { amount: 20 }, 409, '/reference'],
    ['no reference', { reference: '' }, 422, '/reference'],
  ])('rejects %s, naming the field, and writes nothing', async (_, body, status, pointer) => {
    const before = await writes();
    expectProblem(await pay(body), status, { pointer });
    expect(await writes()).toEqual(before);
  });

  it('lets the total reach but not exceed the amount owed', async () => {
    await pay({ amount: 1000, reference: 'FIN-2' }).expect(201);
    expect((await t.db.paymentObligation.findUniqueOrThrow({ where: { id: '2026-Q1/subsidy/o01' } })).status).toBe('paid');
    expectProblem(await pay({ amount: 0.01, reference: 'FIN-3' }), 422, { pointer: '/amount' });
  });
});

describe('GET /api/obligations/{id}', () => {
  it('reads one obligation with its payments, in yuan, by its id with raw or encoded slashes', async () => {
    for (const path of ['/api/obligations/2026-Q1/subsidy/o01', `/api/obligations/${enc('2026-Q1/subsidy/o01')}`]) {
      const res = await finance.get(path).expect(200);
      expect(res.body).toMatchObject({ id: '2026-Q1/subsidy/o01', amount: 1500, paid: 1500, confirmed: 0, status: 'paid', disputes: [] });
      expect(res.body.payments.map((p: { reference: string; amount: number }) => [p.reference, p.amount])).toEqual([
        ['FIN-1', 500],
        ['FIN-2', 1000],
      ]);
    }
  });

  it('answers 404 for an unknown obligation and 400 for a query parameter', async () => {
    expectProblem(await h.api.get('/api/obligations/2026-Q1/subsidy/nobody'), 404);
    expectProblem(await h.api.get('/api/obligations/2026-Q1/subsidy/o01?x=1'), 400);
  });
});

describe('receipts, disputes and corrections', () => {
  it('refuses a receipt stating an amount other than what is paid, at /amount, and writes nothing', async () => {
    const before = await writes();
    const wrong = await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/receipt', { amount: 1000 });
    expectProblem(wrong, 422, { pointer: '/amount' });
    expect(wrong.body.errors[0].message).toContain('1500.00 yuan recorded as paid');
    expectProblem(await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/receipt', { amount: 1500, extra: 1 }), 422);
    expect(await writes()).toEqual(before);
  });

  it('confirms receipt once, with or without the amount stated; a repeat changes nothing', async () => {
    const res = await officer.o01!.post(`/api/obligations/${enc('2026-Q1/subsidy/o01')}/receipt`, { amount: 1500 }).expect(200);
    expect(res.body).toMatchObject({ confirmed: 1500, changed: true, followedUp: true });
    expect((await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/receipt').expect(200)).body.changed).toBe(false);
    expect(await t.db.auditEntry.count({ where: { action: 'confirm-receipt' } })).toBe(1);
  });

  it('refuses a receipt for an unknown obligation or one with nothing paid', async () => {
    expectProblem(await officer.o01!.post('/api/obligations/2026-Q1/subsidy/nobody/receipt'), 404);
    expectProblem(await officer.o03!.post('/api/obligations/2026-Q1/subsidy/o03/receipt'), 409);
  });

  it('records a dispute, reopens the obligation and tells the workflow', async () => {
    const res = await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/disputes', { reason: 'wrong-amount', note: 'only 1000 arrived' }).expect(201);
    expect(res.body).toMatchObject({ reason: 'wrong-amount', raisedBy: 'officer:o01', followedUp: true });
    expect((await t.db.paymentObligation.findUniqueOrThrow({ where: { id: '2026-Q1/subsidy/o01' } })).status).toBe('disputed');
    expect(h.signals.sent.at(-1)).toMatchObject({ workflowId: 'payment/2026-Q1/subsidy/o01', signalName: 'paymentDisputed' });
    const change = await t.db.auditEntry.findFirstOrThrow({ where: { entityId: '2026-Q1/subsidy/o01', action: 'status' }, orderBy: { id: 'desc' } });
    expect(change).toMatchObject({ actor: 'officer:o01', role: 'officer', countyId: testCounty, before: { status: 'paid' }, after: { status: 'disputed' } });
  });

  // Outside 2026, so the reconciliation below does not see them.
  async function earlier(id: string, status: string) {
    await t.db.paymentObligation.create({
      data: {
        id,
        countyId: testCounty,
        cycleId: 'quarterly-2025-Q4',
        decisionId: `quarterly-2025-Q4/subsidy/${id}`,
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'o05',
        amountFen: 50_000,
        dueOn: '2026-01-31',
        status,
        settledAt: status === 'settled' ? new Date('2026-02-01') : null,
      },
    });
    await t.db.obligationPayment.create({ data: { obligationId: id, reference: `FIN-${id}`, amountFen: 50_000, paidOn: '2026-01-20', recordedBy: 'finance' } });
  }

  it('reopens a settled obligation on a dispute: settledAt cleared, the change audited as settled → disputed', async () => {
    const id = '2025-Q4/subsidy/settled';
    await earlier(id, 'settled');
    await officer.o05!.post(`/api/obligations/${id}/disputes`, { reason: 'not-received', note: 'the transfer came back' }).expect(201);
    expect(await t.db.paymentObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'disputed', settledAt: null });
    const change = await t.db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: 'status' } });
    expect(change).toMatchObject({ before: { status: 'settled' }, after: { status: 'disputed' } });
  });

  it('answers 409 to any change of a closed obligation and writes nothing', async () => {
    const id = '2025-Q4/subsidy/closed';
    await earlier(id, 'closed');
    const before = await writes();
    expectProblem(await officer.o05!.post(`/api/obligations/${id}/disputes`, { reason: 'not-received', note: 'late' }), 409);
    expectProblem(await officer.o05!.post(`/api/obligations/${id}/receipt`), 409);
    expectProblem(await finance.post(`/api/obligations/${id}/corrections`, { action: 'change', amount: 600, reason: 'x' }), 409);
    expect(await writes()).toEqual(before);
  });

  it('rejects a dispute with an unknown reason or no note, writing nothing', async () => {
    const before = await writes();
    expectProblem(await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/disputes', { reason: 'late', note: 'x' }), 422, { pointer: '/reason' });
    expectProblem(await officer.o01!.post('/api/obligations/2026-Q1/subsidy/o01/disputes', { reason: 'not-received', note: ' ' }), 422, { pointer: '/note' });
    expect(await writes()).toEqual(before);
  });

  it('changes an amount with a reason, audits it and tells the payee', async () => {
    const res = await finance
      .post('/api/obligations/2026-Q1/subsidy/o03/corrections', { action: 'change', amount: 1400, reason: 'rule correction' })
      .expect(200);
    expect(res.body).toMatchObject({ amount: 1400, followedUp: true, noticeDelivery: true });
    const notice = await t.db.notice.findFirstOrThrow({ where: { about: '2026-Q1/subsidy/o03', kind: 'payment-corrected' }, include: { recipients: true } });
    expect(notice.recipients.map((r) => r.recipientId)).toEqual(['o03']);
    expect(notice.countyId).toBe(testCounty);
    expect(h.signals.delivered).toContain(notice.id);
    expect(
      await t.db.auditEntry.count({ where: { entityId: '2026-Q1/subsidy/o03', action: 'correct-change', actor: 'finance:test-county', role: 'finance' } }),
    ).toBe(1);
  });

  it('rejects a correction without a reason, below what is paid, or cancelling a paid obligation', async () => {
    const before = await writes();
    expectProblem(await finance.post('/api/obligations/2026-Q1/subsidy/o03/corrections', { action: 'cancel' }), 422, { pointer: '/reason' });
    expectProblem(await finance.post('/api/obligations/2026-Q1/subsidy/o03/corrections', { action: 'change', reason: 'x' }), 422, { pointer: '/amount' });
    expectProblem(await finance.post('/api/obligations/2026-Q1/subsidy/o01/corrections', { action: 'change', amount: 100, reason: 'x' }), 422, {
      pointer: '/amount',
    });
    expectProblem(await finance.post('/api/obligations/2026-Q1/subsidy/o01/corrections', { action: 'cancel', reason: 'x' }), 409, { pointer: '/action' });
    expect(await writes()).toEqual(before);
  });

  it('cancels an unpaid obligation; nothing more can be recorded against it', async () => {
    await finance.post('/api/obligations/2026-Q1/subsidy/o04/corrections', { action: 'cancel', reason: 'officer left before the quarter began' }).expect(200);
    expectProblem(await pay({ obligationId: '2026-Q1/subsidy/o04', amount: 10, reference: 'FIN-4' }), 409);
  });
});

describe('GET /api/payments/reconciliation', () => {
  it('shows decided, paid, confirmed, overdue and disputed amounts per officer, with balancing totals', async () => {
    const res = await h.api.get('/api/payments/reconciliation?period=2026-Q1').expect(200);
    expect(res.body.balanced).toBe(true);
    const row = (id: string) => res.body.rows.find((r: { payeeId: string }) => r.payeeId === id);
    expect(row('o01')).toMatchObject({ decided: 1500, paid: 1500, confirmed: 1500, outstanding: 0, disputed: 1500 });
    expect(row('o02')).toMatchObject({ decided: 1480, paid: 0, outstanding: 1480, overdue: 1480 });
    expect(row('o03')).toMatchObject({ decided: 1400, outstanding: 1400, overdue: 0 });
    expect(row('o04')).toMatchObject({ decided: 0, cancelled: 1000 });
    expect(res.body.total).toMatchObject({ obligations: 4, decided: 4380, paid: 1500, outstanding: 2880, overdue: 1480, disputed: 1500, cancelled: 1000 });
    for (const k of ['decided', 'paid', 'confirmed', 'outstanding', 'overdue', 'disputed'] as const) {
      expect(res.body.rows.reduce((s: number, r: Record<string, number>) => s + r[k]!, 0)).toBeCloseTo(res.body.total[k], 2);
    }
    expect(res.body.total.decided).toBeCloseTo(res.body.total.paid + res.body.total.outstanding, 2);
    expect((await h.api.get('/api/payments/reconciliation?period=2026').expect(200)).body.total).toEqual(res.body.total);
  });

  it('exports CSV with a total line', async () => {
    const res = await h.api.get('/api/payments/reconciliation?period=2026-Q1&format=csv').expect(200);
    expect(res.type).toBe('text/csv');
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('payeeType,payeeId,obligations,decided,paid,confirmed,unconfirmed,outstanding,overdue,disputed,cancelled');
    expect(lines.at(-1)).toBe('total,,4,4380,1500,1500,0,2880,1480,1500,1000');
  });

  it('exports an XLSX workbook that opens and carries the same totals', async () => {
    const sheet = await reconciliationSheet(h.api, '2026-Q1');
    const last = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual(['total', '', 4, 4380, 1500, 1500, 0, 2880, 1480, 1500, 1000]);
    expect(sheet.rowCount).toBe(2 + 4 + 1);
  });

  it('documents its one 200 in the three media types it answers in, the JSON one with its schema', () => {
    const ok = (h.document.paths['/payments/reconciliation']!.get as { responses: Record<string, any> }).responses['200'];
    expect(Object.keys(ok.content)).toEqual(['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(ok.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['period', 'asOf', 'balanced', 'total', 'rows']),
    });
    expect(ok.content['text/csv'].schema).toEqual({ type: 'string' });
    expect(ok.content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(ok.description).toContain('format=csv');
  });

  it('rejects a malformed period or format', async () => {
    expectProblem(await h.api.get('/api/payments/reconciliation?period=2026-Q5'), 400);
    expectProblem(await h.api.get('/api/payments/reconciliation?period=2026&format=pdf'), 400);
  });
});

describe('who may record, confirm, dispute and correct', () => {
  const mine = '2026-Q1/subsidy/o02';
  const theirs = '2026-Q1/subsidy/x01';
  const otherCounty = 'other-county';
  beforeAll(async () => {
    await t.db.county.create({ data: { id: otherCounty, name: '邻县公安局' } });
    await t.db.paymentObligation.create({
      data: {
        id: theirs,
        countyId: otherCounty,
        cycleId: 'quarterly-2026-Q1-other-county',
        decisionId: 'quarterly-2026-Q1-other-county/subsidy/x01',
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'x01',
        amountFen: 90_000,
        dueOn: '2026-04-30',
      },
    });
  });

  it('refuses a payment recorded by anyone but finance with 403, writing nothing', async () => {
    const before = await writes();
    const body = { obligationId: mine, amount: 10, paidOn: '2026-03-10', reference: 'FIN-not-finance' };
    for (const caller of [h.api, officer.o02!, await h.as({ role: 'bureau-head' }), await h.as({ role: 'province-reader', countyId: null })]) {
      expectProblem(await caller.post('/api/payments', body), 403);
    }
    expect(await writes()).toEqual(before);
  });

  it("answers 404 to an officer confirming or disputing someone else's money, and 403 to anyone but an officer", async () => {
    await pay({ obligationId: mine, amount: 10, reference: 'FIN-o02-1' }).expect(201);
    const before = await writes();
    expectProblem(await officer.o01!.post(`/api/obligations/${mine}/receipt`), 404);
    expectProblem(await officer.o01!.post(`/api/obligations/${mine}/disputes`, { reason: 'not-received', note: 'not mine' }), 404);
    expectProblem(await finance.post(`/api/obligations/${mine}/receipt`), 403);
    expectProblem(await h.api.post(`/api/obligations/${mine}/disputes`, { reason: 'not-received', note: 'x' }), 403);
    expect(await writes()).toEqual(before);
    // The payee's own: allowed, and the audit names them.
    await officer.o02!.post(`/api/obligations/${mine}/receipt`).expect(200);
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entityId: mine, action: 'confirm-receipt' } });
    expect(audit).toMatchObject({
      actor: 'officer:o02',
      role: 'officer',
      countyId: testCounty,
      authMethod: 'token',
      credentialId: expect.stringMatching(/^tok_/),
    });
  });

  it('refuses a correction by anyone but finance', async () => {
    const before = await writes();
    expectProblem(await officer.o02!.post(`/api/obligations/${mine}/corrections`, { action: 'change', amount: 1470, reason: 'x' }), 403);
    expectProblem(await h.api.post(`/api/obligations/${mine}/corrections`, { action: 'change', amount: 1470, reason: 'x' }), 403);
    expect(await writes()).toEqual(before);
  });

  it('takes recordedBy only when it names the finance user recording; the audit row names user, role, county and credential', async () => {
    const before = await writes();
    expectProblem(await pay({ obligationId: mine, amount: 10, reference: 'FIN-as-other', recordedBy: 'finance:elsewhere' }), 403, { pointer: '/recordedBy' });
    expect(await writes()).toEqual(before);
    const res = await pay({ obligationId: mine, amount: 10, reference: 'FIN-o02-2', recordedBy: 'finance:test-county' }).expect(201);
    expect(res.body.recordedBy).toBe('finance:test-county');
    const audit = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'ObligationPayment', entityId: 'FIN-o02-2' } });
    expect(audit).toMatchObject({
      actor: 'finance:test-county',
      role: 'finance',
      countyId: testCounty,
      authMethod: 'token',
      credentialId: expect.stringMatching(/^tok_/),
    });
  });

  it("answers another county's obligation as a missing one, to finance and to officers", async () => {
    const before = await writes();
    expectProblem(await pay({ obligationId: theirs, amount: 10, reference: 'FIN-x01' }), 422, { pointer: '/obligationId' });
    expectProblem(await finance.post(`/api/obligations/${theirs}/corrections`, { action: 'change', amount: 800, reason: 'x' }), 404);
    const x01Here = await h.as({ role: 'officer', subjectId: 'x01' });
    expectProblem(await x01Here.post(`/api/obligations/${theirs}/receipt`), 404);
    expectProblem(await finance.get(`/api/obligations/${theirs}`), 404);
    expectProblem(await h.api.get(`/api/obligations/${theirs}`), 404);
    expectProblem(await h.api.get(`/api/obligations/${theirs}/appeals`), 404);
    expect(await writes()).toEqual(before);
    // Their own finance records it.
    const theirFinance = await h.as({ role: 'finance', countyId: otherCounty });
    await theirFinance.post('/api/payments', { obligationId: theirs, amount: 10, paidOn: '2026-03-10', reference: 'FIN-x01' }).expect(201);
    const x01 = await h.as({ role: 'officer', subjectId: 'x01', countyId: otherCounty, id: 'officer:x01@other' });
    await x01.post(`/api/obligations/${theirs}/receipt`).expect(200);
  });

  it("reconciles each county's obligations only; a province reader sees every county", async () => {
    const here = (await finance.get('/api/payments/reconciliation?period=2026-Q1').expect(200)).body;
    expect(here.rows.map((r: { payeeId: string }) => r.payeeId)).not.toContain('x01');
    expect(here.total.obligations).toBe(4);
    const there = await h.as({ role: 'finance', countyId: otherCounty });
    expect((await there.get('/api/payments/reconciliation?period=2026-Q1&format=csv').expect(200)).text).toContain('officer,x01,1,900,10');
    const province = await h.as({ role: 'province-reader', countyId: null });
    expect((await province.get('/api/payments/reconciliation?period=2026-Q1').expect(200)).body.total.obligations).toBe(5);
    expectProblem(await officer.o01!.get('/api/payments/reconciliation?period=2026-Q1'), 403);
  });

  it('lets an officer list and read only the money paid to them; finance reads the county', async () => {
    const own = (await officer.o01!.get('/api/obligations').expect(200)).body as { id: string; payeeId: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((o) => o.payeeId === 'o01')).toBe(true);
    await officer.o01!.get('/api/obligations/2026-Q1/subsidy/o01').expect(200);
    expectProblem(await officer.o01!.get(`/api/obligations/${mine}`), 404);
    const county = (await finance.get('/api/obligations').expect(200)).body as { id: string; countyId: string }[];
    expect(county.map((o) => o.id)).toContain(mine);
    expect(county.every((o) => o.countyId === testCounty)).toBe(true);
  });
});

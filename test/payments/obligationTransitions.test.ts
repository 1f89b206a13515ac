// The obligation status table, checked whole: every pair of statuses and every party, in the pure
// table and through the guarded write on a real SQLite file; the workflow's settle and close
// against a dispute that came in after its review; and a real race on PostgreSQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { confirmReceipt, raiseDispute, recordPayment } from '../../src/api/paymentLedger.js';
import {
  isFinal,
  obligationParties,
  obligationStatuses,
  obligationTransitions,
  transitionRefusal,
  type ObligationParty,
  type ObligationRecords,
  type ObligationStatus,
} from '../../src/core/obligationStatus.js';
import type { Db } from '../../src/db/client.js';
import { transitionObligation } from '../../src/db/obligationTransitions.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';

const parties = obligationParties;
const pairs = obligationStatuses.flatMap((from) => obligationStatuses.filter((to) => to !== from).map((to) => [from, to] as const));
const allowed = (from: string, to: string, by: ObligationParty) => obligationTransitions.some((t) => t.from === from && t.to === to && t.by.includes(by));
const forbidden = pairs.flatMap(([from, to]) => parties.filter((by) => !allowed(from, to, by)).map((by) => [from, to, by] as const));

/** Records an obligation of 10 yuan can have: what is paid and how many disputes are open. */
const shapes: Record<string, ObligationRecords> = {
  'nothing paid': { owedFen: 1000, paidFen: 0, openDisputes: 0 },
  'part paid': { owedFen: 1000, paidFen: 400, openDisputes: 0 },
  'paid in full': { owedFen: 1000, paidFen: 1000, openDisputes: 0 },
  'nothing paid, disputed': { owedFen: 1000, paidFen: 0, openDisputes: 1 },
  'paid in full, disputed': { owedFen: 1000, paidFen: 1000, openDisputes: 1 },
};

describe('the obligation status table', () => {
  it('names only known statuses, each pair once, and ends at closed and cancelled', () => {
    const keys = obligationTransitions.map((t) => `${t.from}>${t.to}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of obligationTransitions) expect(obligationStatuses).toEqual(expect.arrayContaining([t.from, t.to]));
    expect(obligationStatuses.filter(isFinal)).toEqual(['closed', 'cancelled']);
  });

  it.each(forbidden)('refuses %s → %s by the %s whatever the records', (from, to, by) => {
    for (const records of Object.values(shapes)) expect(transitionRefusal(from, to, by, records)).toMatch(/never goes|only .* may/);
  });

  it('lets the workflow settle or close only an obligation paid in full with no open dispute, and never cancel', () => {
    for (const from of obligationStatuses) {
      for (const [shape, records] of Object.entries(shapes)) {
        const fine = !records.openDisputes && records.paidFen === records.owedFen;
        expect(transitionRefusal(from, 'settled', 'workflow', records) === undefined, `${from} → settled, ${shape}`).toBe(from === 'paid' && fine);
        expect(transitionRefusal(from, 'closed', 'workflow', records) === undefined, `${from} → closed, ${shape}`).toBe(from === 'settled' && fine);
        expect(transitionRefusal(from, 'cancelled', 'workflow', records)).toBeDefined();
      }
    }
  });
});

describe('transitionObligation on SQLite', () => {
  let t: TestDb;
  let db: Db;
  let n = 0;
  beforeAll(async () => {
    t = await freshSqlite('obligation-transitions');
    db = t.db;
  });
  afterAll(() => t.drop());

  /** An obligation of 10 yuan in `status` whose payments and disputes are `records`. */
  async function obligation(status: ObligationStatus, records: ObligationRecords) {
    const id = `2026-Q1/subsidy/t${++n}`;
    await db.paymentObligation.create({
      data: {
        id,
        countyId: 'county-1',
        cycleId: 'quarterly-2026-Q1',
        decisionId: 'quarterly-2026-Q1/subsidy/o01',
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'o01',
        amountFen: records.owedFen,
        dueOn: '2026-04-30',
        status,
      },
    });
    if (records.paidFen)
      await db.obligationPayment.create({
        data: { obligationId: id, reference: `FIN-${id}`, amountFen: records.paidFen, paidOn: '2026-03-01', recordedBy: 'finance' },
      });
    if (records.openDisputes) await db.paymentDispute.create({ data: { obligationId: id, reason: 'not-received', note: 'x', raisedBy: 'o01' } });
    return id;
  }
  const move = (id: string, from: string, to: ObligationStatus, by: ObligationParty) =>
    db.$transaction((tx) => transitionObligation(tx, id, { from, to, by, actor: by, action: 'status' }));
  const trail = (id: string) => db.auditEntry.findMany({ where: { entityId: id } });

  it('writes nothing for any forbidden pair and party', async () => {
    for (const [from, to, by] of forbidden) {
      const id = await obligation(from, shapes['paid in full']!);
      const r = await move(id, from, to, by);
      expect(r, `${from} → ${to} by ${by}`).toMatchObject({ moved: false, status: from });
      expect((await db.paymentObligation.findUniqueOrThrow({ where: { id } })).status).toBe(from);
      expect(await trail(id)).toEqual([]);
    }
  });

  it('makes each allowed change exactly when the records allow it, with one audit row', async () => {
    for (const t of obligationTransitions) {
      for (const [shape, records] of Object.entries(shapes)) {
        const id = await obligation(t.from, records);
        const r = await move(id, t.from, t.to, t.by[0]!);
        const row = await db.paymentObligation.findUniqueOrThrow({ where: { id } });
        const label = `${t.from} → ${t.to}, ${shape}`;
        if (t.holds(records)) {
          expect(r, label).toEqual({ moved: true });
          expect(row.status, label).toBe(t.to);
          expect(row.settledAt !== null, label).toBe(t.to === 'settled');
          expect(
            (await trail(id)).map((a) => [a.actor, a.before, (a.after as { status: string }).status]),
            label,
          ).toEqual([[t.by[0], { status: t.from }, t.to]]);
        } else {
          expect(r, label).toMatchObject({ moved: false, reason: expect.stringContaining('needs') });
          expect(row.status, label).toBe(t.from);
          expect(await trail(id), label).toEqual([]);
        }
      }
    }
  });

  it('refuses a change from a status the obligation has left', async () => {
    const id = await obligation('disputed', shapes['paid in full, disputed']!);
    expect(await move(id, 'paid', 'settled', 'workflow')).toEqual({
      moved: false,
      status: 'disputed',
      reason: `obligation ${id} is disputed, no longer paid; read it again`,
    });
    expect(await trail(id)).toEqual([]);
  });
});

describe("the workflow's settle and close after a dispute came in", () => {
  let t: TestDb;
  let db: Db;
  beforeAll(async () => {
    t = await freshSqlite('obligation-settle-race');
    db = t.db;
  });
  afterAll(() => t.drop());

  async function confirmedObligation(id: string) {
    await db.paymentObligation.create({
      data: {
        id,
        countyId: 'county-1',
        cycleId: 'quarterly-2026-Q1',
        decisionId: 'quarterly-2026-Q1/subsidy/o01',
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'o01',
        amountFen: 150_000,
        dueOn: '2026-04-30',
      },
    });
    await recordPayment(db, 'finance', '2026-03-10', { obligationId: id, amount: 1500, paidOn: '2026-03-10', reference: `FIN-${id}` });
    await confirmReceipt(db, 'o01', new Date(), id);
  }

  it('does not settle a confirmed obligation the payee disputed after the workflow reviewed it', async () => {
    const id = '2026-Q1/subsidy/race-settle';
    const a = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });
    await confirmedObligation(id);
    expect(await a.reviewObligation({ obligationId: id })).toMatchObject({ status: 'paid', confirmedFen: 150_000, openDisputes: 0 });
    await raiseDispute(db, 'o01', id, { reason: 'not-received', note: 'confirmed by mistake' });

    const settled = await a.settleObligation({ obligationId: id });
    expect(await db.paymentObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'disputed', settledAt: null });
    expect(settled).toBe(false);
    expect(await db.auditEntry.count({ where: { entityId: id, actor: 'system:paymentVerification' } })).toBe(0);
  });

  it('does not close a settled obligation the payee disputed while the window was open; settling twice is one change', async () => {
    const id = '2026-Q1/subsidy/race-close';
    const a = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });
    await confirmedObligation(id);
    // The second stands for a retry after the worker died between commit and report.
    const settled = [await a.settleObligation({ obligationId: id }), await a.settleObligation({ obligationId: id })];
    await raiseDispute(db, 'o01', id, { reason: 'wrong-amount', note: 'only 1000 arrived' });

    const closed = await a.closeObligation({ obligationId: id });
    expect((await db.paymentObligation.findUniqueOrThrow({ where: { id } })).status).toBe('disputed');
    const workflowChanges = await db.auditEntry.findMany({ where: { entityId: id, actor: 'system:paymentVerification' } });
    expect(workflowChanges.map((e) => e.action)).toEqual(['settle']);
    expect([...settled, closed]).toEqual([true, true, false]);
  });
});

describe("a dispute racing the workflow's settle on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshPostgres('obligation-race');
  });
  afterAll(() => t?.drop());

  it('lets exactly one of them change the status; the other sees it has moved on', async () => {
    const id = '2026-Q1/subsidy/pg-race';
    const db = t.db;
    await db.paymentObligation.create({
      data: {
        id,
        countyId: 'county-1',
        cycleId: 'quarterly-2026-Q1',
        decisionId: 'quarterly-2026-Q1/subsidy/o01',
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: 'o01',
        amountFen: 1000,
        dueOn: '2026-04-30',
        status: 'paid',
      },
    });
    await db.obligationPayment.create({ data: { obligationId: id, reference: 'FIN-pg', amountFen: 1000, paidOn: '2026-03-01', recordedBy: 'finance' } });

    let settleWritten!: () => void;
    const written = new Promise<void>((resolve) => {
      settleWritten = resolve;
    });
    let commitSettle!: () => void;
    const mayCommit = new Promise<void>((resolve) => {
      commitSettle = resolve;
    });
    // The workflow's settle has written but not committed when the payee's dispute reads `paid`.
    const settle = db.$transaction(async (tx) => {
      const r = await transitionObligation(tx, id, { from: 'paid', to: 'settled', by: 'workflow', actor: 'system:paymentVerification', action: 'settle' });
      settleWritten();
      await mayCommit;
      return r;
    });
    await written;
    const dispute = db.$transaction(async (tx) => {
      await tx.paymentDispute.create({ data: { obligationId: id, reason: 'not-received', note: 'x', raisedBy: 'o01' } });
      const current = (await tx.paymentObligation.findUniqueOrThrow({ where: { id } })).status;
      return { current, r: await transitionObligation(tx, id, { from: current, to: 'disputed', by: 'payee', actor: 'o01', action: 'status' }) };
    });
    // Let the settle commit only once the dispute's compare-and-set waits on its row lock.
    const watcher = new pg.Client({ connectionString: t.url });
    await watcher.connect();
    const database = new URL(t.url).pathname.slice(1);
    await expect
      .poll(
        async () =>
          (
            await watcher.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE%'", [
              database,
            ])
          ).rows[0].n,
        { timeout: 30_000 },
      )
      .toBe(1);
    await watcher.end();
    commitSettle();

    expect(await settle).toEqual({ moved: true });
    const { current, r } = await dispute;
    expect(current).toBe('paid');
    expect(r).toMatchObject({ moved: false, status: 'settled' });
    expect((await db.paymentObligation.findUniqueOrThrow({ where: { id } })).status).toBe('settled');
    expect((await db.auditEntry.findMany({ where: { entityId: id } })).map((a) => a.action)).toEqual(['settle']);
  });
});

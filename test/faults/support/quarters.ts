// A county's quarters driven as its users drive them, over HTTP — figures submitted by the
// departments, cycles started by the bureau, obligations paid by finance and confirmed by their
// officers — and the rows they must leave, counted by natural key, for the fault tests.
import { expect } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { demoSubmissions } from '../../support/figures.js';
import { createDb } from '../../../src/db/client.js';
import { tokenFor } from '../../support/users.js';

export const demoOffices = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];

export type Call = (method: string, path: string, body?: unknown, as?: string) => Promise<{ status: number; body: any }>;

/** Requests to the service at `apiUrl`, as the bureau (`token`) unless another token is given. */
export function apiOf(apiUrl: () => string, token: string): Call {
  return async (method, path, body, as = token) => {
    const res = await fetch(`${apiUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
  };
}

/** Tokens of the county's departments, finance and every officer, by user: `department:<id>`, `finance`, `officer:<id>`. */
export type CountyTokens = Map<string, string>;

/**
 * Made before the cycles run: a test writing its users into the SQLite file while workers write
 * there too would meet SQLITE_BUSY itself.
 */
export async function countyTokens(databaseUrl: string): Promise<CountyTokens> {
  const db = createDb(databaseUrl);
  try {
    const { countyId } = await db.community.findFirstOrThrow({ select: { countyId: true } });
    const tokens: CountyTokens = new Map();
    for (const { submittedBy } of demoSubmissions(demoOffices))
      tokens.set(`department:${submittedBy}`, await tokenFor(db, { role: 'department', subjectId: submittedBy, countyId }));
    tokens.set('finance', await tokenFor(db, { role: 'finance', countyId }));
    for (const { id } of await db.officer.findMany({ where: { countyId }, select: { id: true } }))
      tokens.set(`officer:${id}`, await tokenFor(db, { role: 'officer', subjectId: id, countyId }));
    return tokens;
  } finally {
    await db.$disconnect();
  }
}

/** The departments submit their demo figures of `period` (all of them unless `submissions` says). */
export async function submitFigures(call: Call, tokens: CountyTokens, period: string, submissions = demoSubmissions(demoOffices)): Promise<void> {
  for (const { submittedBy, figures } of submissions) {
    const department = tokens.get(`department:${submittedBy}`)!;
    expect((await submitted(() => call('POST', '/api/metrics', { period, figures }, department))).status).toBeLessThan(300);
  }
}

/** The bureau starts the quarter's cycle; returns its id. */
export async function startCycle(call: Call, period: string): Promise<string> {
  const started = await call('POST', '/api/cycles', { kind: 'quarterly', period });
  expect(started.status).toBe(202);
  return started.body.cycleId as string;
}

/**
 * Sent again while the service answers 5xx or drops the connection: another process writing the
 * SQLite file can make a request fail with SQLITE_BUSY (500 today, 503 with Retry-After once the
 * SQLite-lock part of the campaign is in), and a kept-alive socket the server has just closed
 * resets; here the request is only the setup, and a repeat of it is one row.
 */
async function submitted(send: () => ReturnType<Call>): ReturnType<Call> {
  for (let attempt = 1; ; attempt++) {
    const res = await send().catch((err: unknown) => {
      if (attempt === 5) throw err;
      return { status: 599, body: undefined };
    });
    if (res.status < 500 || attempt === 5) return res;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

export const paymentReference = (obligationId: string) => `FIN-${obligationId}`;

/** Finance pays every obligation of the cycles in full, once. Returns the obligations. */
export async function payAll(call: Call, db: Db, tokens: CountyTokens, cycleIds: string[]) {
  const today = new Date().toISOString().slice(0, 10);
  const obligations = await db.paymentObligation.findMany({ where: { cycleId: { in: cycleIds } }, orderBy: { id: 'asc' } });
  for (const o of obligations) {
    const paid = await submitted(() =>
      call('POST', '/api/payments', { obligationId: o.id, amount: o.amountFen / 100, paidOn: today, reference: paymentReference(o.id) }, tokens.get('finance')),
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  }
  return obligations;
}

/** Each officer confirms the money of their obligations arrived. */
export async function confirmAll(call: Call, tokens: CountyTokens, obligations: { id: string; payeeId: string }[]): Promise<void> {
  for (const o of obligations) {
    expect((await submitted(() => call('POST', `/api/obligations/${o.id}/receipt`, undefined, tokens.get(`officer:${o.payeeId}`)))).status).toBe(200);
  }
}

/** Every obligation of the cycles (or those of `ids` among them) settled (waits up to `timeoutMs`). */
export async function allSettled(db: Db, cycleIds: string[], timeoutMs: number, ids?: string[]): Promise<void> {
  const where = { cycleId: { in: cycleIds }, ...(ids ? { id: { in: ids } } : {}) };
  await expect
    .poll(async () => (await db.paymentObligation.findMany({ where, select: { status: true } })).map((o) => o.status), {
      timeout: timeoutMs,
      interval: 1_000,
    })
    .toSatisfy((statuses: string[]) => statuses.length > 0 && statuses.every((s) => s === 'settled'));
}

const duplicates = <T>(keys: T[]) => keys.map((k) => JSON.stringify(k)).filter((k, i, all) => all.indexOf(k) !== i);

/**
 * The rows decided, paid and settled quarters must leave, by natural key: each office evaluated
 * once a cycle with one last; each decision once; one obligation per subsidy decision; one joint
 * notice per sanctioned office; and, where `paid`, one payment, one payment-recorded notice and
 * one settle transition per obligation. Returns the counts, for the report.
 */
export async function expectRowsOfQuarters(db: Db, cycleIds: string[], { paid }: { paid: boolean }) {
  const cycles = await db.cycle.findMany({ where: { id: { in: cycleIds } } });
  expect(cycles.map((c) => c.status)).toEqual(cycleIds.map(() => 'decided'));

  const evaluations = await db.evaluation.findMany({ where: { cycleId: { in: cycleIds } } });
  expect(duplicates(evaluations.map((e) => [e.cycleId, e.communityId]))).toEqual([]);
  expect(evaluations).toHaveLength(cycleIds.length * demoOffices.length);
  for (const id of cycleIds) expect(evaluations.filter((e) => e.cycleId === id && e.isLast)).toHaveLength(1);

  const decisions = await db.decision.findMany({ where: { cycleId: { in: cycleIds } } });
  expect(duplicates(decisions.map((d) => [d.cycleId, d.kind, d.subjectId]))).toEqual([]);
  const sanctioned = new Set(decisions.filter((d) => d.type === 'sanction').map((d) => `${d.cycleId}/${d.subjectId}`));
  for (const id of cycleIds) expect([...sanctioned].filter((s) => s.startsWith(`${id}/`)).length).toBeGreaterThan(0);

  const obligations = await db.paymentObligation.findMany({ where: { cycleId: { in: cycleIds } } });
  const subsidyDecisions = decisions.filter((d) => d.type === 'subsidy').map((d) => d.id);
  expect(duplicates(obligations.map((o) => o.decisionId))).toEqual([]);
  expect(obligations.map((o) => o.decisionId).sort()).toEqual(subsidyDecisions.sort());

  const jointNotices = await db.notice.findMany({ where: { cycleId: { in: cycleIds }, kind: 'joint-notice' } });
  expect(duplicates(jointNotices.map((n) => [n.cycleId, n.about]))).toEqual([]);
  expect(jointNotices.map((n) => `${n.cycleId}/${n.about}`).sort()).toEqual([...sanctioned].sort());

  const counts = {
    cycles: cycles.length,
    evaluations: evaluations.length,
    decisions: decisions.length,
    obligations: obligations.length,
    jointNotices: jointNotices.length,
  };
  if (!paid) return counts;
  const obligationIds = obligations.map((o) => o.id).sort();
  const payments = await db.obligationPayment.findMany({ where: { obligationId: { in: obligationIds } } });
  expect(payments.map((p) => p.reference).sort()).toEqual(obligationIds.map(paymentReference).sort());
  const recorded = await db.notice.findMany({
    where: { kind: 'payment-recorded', id: { in: obligationIds.map((o) => `${o}/payment-recorded/${paymentReference(o)}`) } },
  });
  expect(recorded).toHaveLength(obligationIds.length);
  const settles = await db.auditEntry.findMany({ where: { action: 'settle', entityId: { in: obligationIds } } });
  expect(settles.map((s) => s.entityId).sort()).toEqual(obligationIds);
  expect(obligations.every((o) => o.status === 'settled')).toBe(true);
  return { ...counts, payments: payments.length, paymentNotices: recorded.length, settlements: settles.length };
}

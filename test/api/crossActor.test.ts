// The thirteen cross-actor cases that succeeded with the one bureau token before accounts: each
// is now refused, writes nothing and leaves no audit row. They run in the two-county world of
// test/support/world.ts, each caller signed in as themselves (a personal access token).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/roles.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { actingUser, buildWorld, decidedPeriod, freshAppeal, freshObligation, freshVisit, ids, type CountyKey, type World } from '../support/world.js';
import { expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
let w: World;
const a = ids('a');
const b = ids('b');
const enc = encodeURIComponent;

beforeAll(async () => {
  t = await freshSqlite('cross-actor');
  h = await harness(t.db);
  w = await buildWorld(t.db);
});
afterAll(() => t?.drop());

/** A client signed in as the role's user of county x (person i). */
const as = (role: Role, i: 1 | 2 = 1, x: CountyKey = 'a') => h.as(actingUser(role, x, i));

/** Every row count a refused request could have changed, audit rows included. */
async function writes() {
  const db = t.db;
  const [visits, figures, payments, disputes, appeals, diversions, incidents, acknowledged, notices, cycles, audit] = await Promise.all([
    db.visit.count(),
    db.metricSubmission.count(),
    db.obligationPayment.count(),
    db.paymentDispute.count(),
    db.appeal.count(),
    db.diversion.count(),
    db.incident.count(),
    db.noticeRecipient.count({ where: { acknowledgedAt: { not: null } } }),
    db.notice.count(),
    db.cycle.count(),
    db.auditEntry.count(),
  ]);
  return { visits, figures, payments, disputes, appeals, diversions, incidents, acknowledged, notices, cycles, audit };
}

/**
 * A body field naming someone else is refused naming the field: 403 where the field stays and must
 * match the caller, 422 where it was removed from the body (both are allowed by the issue).
 */
function expectRefusedNaming(res: Parameters<typeof expectProblem>[0], field: string) {
  expect(res.type).toBe('application/problem+json');
  expect([403, 422]).toContain(res.status);
  expect(res.body.detail).toContain(field);
}

/** Runs the refused requests and checks that none of them wrote anything. */
async function refusedWithoutTrace(requests: () => Promise<void>) {
  const before = await writes();
  await requests();
  expect(await writes()).toEqual(before);
}

describe('cross-actor writes are refused', () => {
  it("a leader's joint notice cannot be acknowledged by another leader, an officer or bureau staff naming the leader", async () => {
    const notice = `/api/notices/${enc(a.jointNotice(1))}/acknowledgements`;
    const asLeader = { recipientType: 'leader', recipientId: a.leader(1) };
    await refusedWithoutTrace(async () => {
      // Another leader does not see the notice (404), or is told the body is not theirs to name (403).
      const other = await (await as('leader', 2)).post(notice, asLeader);
      expect(other.type).toBe('application/problem+json');
      expect([403, 404]).toContain(other.status);
      // The officer is a recipient of the same notice, but not the leader.
      expectRefusedNaming(await (await as('officer')).post(notice, asLeader), 'recipient');
      // Bureau staff do not act in others' names.
      expectProblem(await (await as('bureau-staff')).post(notice, asLeader), 403);
    });
    const row = await t.db.noticeRecipient.findFirstOrThrow({ where: { noticeId: a.jointNotice(1), recipientType: 'leader', recipientId: a.leader(1) } });
    expect(row.acknowledgedAt).toBeNull();
  });

  it("an officer cannot confirm a visit to another officer's community", async () => {
    const visit = await freshVisit(t.db, 'a', 2);
    const officer = await as('officer');
    await refusedWithoutTrace(async () => {
      expectProblem(await officer.post(`/api/visits/${visit}/confirmation`, { verdict: 'confirmed' }), 404);
      // Answering in the name of that community's officer: refused naming the field, or not seen at all.
      const named = await officer.post(`/api/visits/${visit}/confirmation`, { officerId: a.officer(2), verdict: 'confirmed' });
      expect([403, 404, 422]).toContain(named.status);
    });
    expect(await t.db.visit.findUniqueOrThrow({ where: { id: visit } })).toMatchObject({ status: 'pending', answeredBy: null, answeredAt: null });
  });

  it('a leader cannot log a visit for another leader', async () => {
    const leader = await as('leader');
    await refusedWithoutTrace(async () => {
      const res = await leader.post('/api/visits', { leaderId: a.leader(2), communityId: a.community(2), date: '2026-03-09', note: '代为登记' });
      expectRefusedNaming(res, 'leaderId');
    });
  });

  it('nobody but finance records a payment: not an officer, not bureau staff', async () => {
    const obligation = await freshObligation(t.db, 'a', 1, { paid: false });
    const payment = { obligationId: obligation, amount: 100, paidOn: '2026-03-10', reference: 'FIN-cross-1' };
    await refusedWithoutTrace(async () => {
      expectProblem(await (await as('officer')).post('/api/payments', payment), 403);
      expectProblem(await (await as('bureau-staff')).post('/api/payments', payment), 403);
    });
    expect(await t.db.paymentObligation.findUniqueOrThrow({ where: { id: obligation } })).toMatchObject({ status: 'open', confirmedFen: 0 });
  });

  it("an officer cannot confirm receipt of someone else's money", async () => {
    const obligation = await freshObligation(t.db, 'a', 2);
    await refusedWithoutTrace(async () => {
      expectProblem(await (await as('officer')).post(`/api/obligations/${enc(obligation)}/receipt`), 404);
    });
    expect(await t.db.paymentObligation.findUniqueOrThrow({ where: { id: obligation } })).toMatchObject({ status: 'open', confirmedFen: 0 });
  });

  it("an officer cannot dispute someone else's payment", async () => {
    const obligation = await freshObligation(t.db, 'a', 2);
    await refusedWithoutTrace(async () => {
      const res = await (await as('officer')).post(`/api/obligations/${enc(obligation)}/disputes`, { reason: 'not-received', note: '没有收到' });
      expectProblem(res, 404);
    });
    expect((await t.db.paymentObligation.findUniqueOrThrow({ where: { id: obligation } })).status).toBe('open');
  });

  it("a department cannot submit another department's figures, nor bureau staff in its name", async () => {
    const figures = { period: decidedPeriod, submittedBy: a.department(2), figures: [{ communityId: a.community(2), metric: 'incidents', value: 9 }] };
    const before = await t.db.metricSubmission.findMany({ orderBy: { id: 'asc' } });
    await refusedWithoutTrace(async () => {
      expectRefusedNaming(await (await as('department')).post('/api/metrics', figures), 'submittedBy');
      expectProblem(await (await as('bureau-staff')).post('/api/metrics', figures), 403);
    });
    expect(await t.db.metricSubmission.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it("nobody changes another person's email: an officer another officer's, a leader another leader's", async () => {
    await refusedWithoutTrace(async () => {
      expectProblem(await (await as('officer')).patch(`/api/officers/${a.officer(2)}`, { email: 'taken-over@example.org' }), 404);
      expectProblem(await (await as('leader')).patch(`/api/leaders/${a.leader(2)}`, { email: 'taken-over@example.org' }), 404);
    });
    expect((await t.db.officer.findUniqueOrThrow({ where: { id: a.officer(2) } })).email).toBe(`${a.officer(2)}@example.org`);
    expect((await t.db.leader.findUniqueOrThrow({ where: { id: a.leader(2) } })).email).toBe(`${a.leader(2)}@example.org`);
  });

  it('an officer cannot file an appeal as another officer', async () => {
    await refusedWithoutTrace(async () => {
      const res = await (
        await as('officer')
      ).post('/api/appeals', {
        contests: 'decision',
        officerId: a.officer(2),
        decisionId: a.decision(2),
        reason: '替同事申诉',
      });
      expectRefusedNaming(res, 'officerId');
    });
    expect(h.cycles.appeals.size).toBe(0);
  });

  it('an officer cannot decide an appeal', async () => {
    const appeal = await freshAppeal(t.db, 'a', 1);
    await refusedWithoutTrace(async () => {
      expectProblem(
        await (await as('officer')).post(`/api/appeals/${appeal}/decision`, { outcome: 'overturned', reason: '自己裁决', metric: 'satisfaction', value: 1 }),
        403,
      );
    });
    expect(await t.db.appeal.findUniqueOrThrow({ where: { id: appeal } })).toMatchObject({ status: 'open', decidedBy: null });
  });

  it("a station cannot record a diversion of another station's officer", async () => {
    const station = await as('station');
    await refusedWithoutTrace(async () => {
      const diversion = { date: '2026-03-09', kind: 'station-duty' };
      expectRefusedNaming(await station.post('/api/diversions', { ...diversion, officerId: a.officer(2) }), 'officerId');
      // Nor in another station's name, even for its own officer.
      expectRefusedNaming(await station.post('/api/diversions', { ...diversion, stationId: a.station(2), officerId: a.officer(1) }), 'stationId');
    });
  });

  it("another county's objects answer 404, as if they did not exist", async () => {
    const bObjects = [
      `/api/communities/${b.community(1)}`,
      `/api/officers/${b.officer(1)}`,
      `/api/officers/${b.officer(1)}/postings`,
      `/api/leaders/${b.leader(1)}`,
      `/api/departments/${b.department(1)}`,
      `/api/stations/${b.station(1)}`,
      `/api/bindings/${w.binding.b.officer[0]}`,
      `/api/reassignments/${w.reassignment.b[0]}`,
      `/api/cycles/${b.cycle}`,
      `/api/rulesets/${w.ruleSetVersion.b[0]}`,
      `/api/decisions/${enc(b.decision(1))}`,
      `/api/decisions/${enc(b.decision(1))}/explanation`,
      `/api/obligations/${enc(b.obligation(1))}`,
      `/api/appeals/${w.appeal.b[0]}`,
      `/api/visits/${w.visit.b[0]}`,
      `/api/incidents/${w.incident.b[0]}`,
      `/api/presence/${b.leader(1)}/2026-02`,
      `/api/leaders/${b.leader(1)}/scorecard`,
    ];
    const staff = await as('bureau-staff');
    const head = await as('bureau-head');
    await refusedWithoutTrace(async () => {
      for (const path of bObjects) {
        for (const reader of [staff, head]) {
          const res = await reader.get(path);
          expect(res.status, path).toBe(404);
          expect(res.body.detail, path).not.toMatch(/^no route for/);
        }
      }
      // And the other way round.
      expect((await (await as('bureau-staff', 1, 'b')).get(`/api/officers/${a.officer(1)}`)).status).toBe(404);
    });
    const listed = (await staff.get('/api/communities?limit=500')).body as { id: string }[];
    expect(listed.map((c) => c.id)).not.toContain(b.community(1));
  });

  it('a leader cannot start a cycle', async () => {
    const started = h.cycles.started.size;
    await refusedWithoutTrace(async () => {
      expectProblem(await (await as('leader')).post('/api/cycles', { kind: 'quarterly', period: '2025-Q1' }), 403);
    });
    expect(h.cycles.started.size).toBe(started);
  });
});

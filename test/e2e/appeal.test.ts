// An appeal as a new user would take it, on the whole service against the shared dev server:
// a quarter decided over HTTP, the last office's officer appeals, payments are held, the bureau
// overturns, the period is re-decided, and the corrected amount is paid and settled. Each step is
// taken by whoever takes it in the scheme: the departments, the officer, bureau staff, finance.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { cycleId as cycleIdOf } from '../../src/contracts/cycles.js';
import { demoCountyRecord } from '../../src/db/demo-county.js';
import { startService, type RunningService } from '../../src/service.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { demoSubmissions } from '../support/figures.js';
import { devNamespaces } from '../support/namespaces.js';
import { serviceToken } from '../support/serviceUsers.js';

const token = 'e2e-appeal-token-0123456789';
let service: RunningService;
let fresh: TestDb;

/** A request as the bureau (the bootstrap token), or as the user whose token is `as`. */
const call = async (method: string, path: string, body?: unknown, as = token) => {
  const res = await fetch(`${service.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  fresh = await freshSqlite('e2e-appeal');
  await fresh.db.$disconnect();
  service = await startService(
    loadConfig({
      DATABASE_URL: fresh.url,
      TEMPORAL_ADDRESS: inject('devServerAddress'),
      TEMPORAL_NAMESPACE: devNamespaces.e2eAppeal,
      TASK_QUEUE: 'e2e-appeal',
      HTTP_PORT: '0',
      BUREAU_TOKEN: token,
      // The request lines (info) would flood the test output.
      LOG_LEVEL: 'warn',
    }),
  );
});

afterAll(async () => {
  await service?.stop();
  await fresh?.drop();
});

it('goes from filing to the corrected payment over HTTP', async () => {
  const ids = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];
  // Each department submits the figures the rule set says it supplies.
  for (const { submittedBy, figures } of demoSubmissions(ids)) {
    const department = await serviceToken(fresh.url, { role: 'department', subjectId: submittedBy });
    expect((await call('POST', '/api/metrics', { period: '2026-Q1', figures }, department)).status).toBeLessThan(300);
  }
  const started = await call('POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' });
  expect(started.status).toBe(202);
  // The cycle's id names the county the service seeded.
  const cycleId = started.body.cycleId as string;
  expect(cycleId).toBe(cycleIdOf('quarterly', '2026-Q1', demoCountyRecord.id));
  await expect.poll(async () => (await call('GET', `/api/cycles/${cycleId}`)).body.status, { timeout: 60_000, interval: 500 }).toBe('decided');

  const last = ((await call('GET', `/api/evaluations?cycleId=${cycleId}`)).body as { communityId: string; isLast: boolean }[]).find(
    (e) => e.isLast,
  )!.communityId;
  const officer = ((await call('GET', `/api/bindings?communityId=${last}&subjectType=officer`)).body as { subjectId: string }[])[0]!.subjectId;
  const obligationId = `2026-Q1/subsidy/${officer}`;
  const [before] = (await call('GET', `/api/obligations?payeeId=${officer}`)).body;

  // The officer appeals in their own name.
  const officerToken = await serviceToken(fresh.url, { role: 'officer', subjectId: officer });
  const filed = await call(
    'POST',
    '/api/appeals',
    { contests: 'evaluation', cycleId, reason: '满意率调查漏计', metric: 'satisfaction', value: 1 },
    officerToken,
  );
  expect(filed.status).toBe(201);
  expect(filed.body.officerId).toBe(officer);
  expect(filed.body).toMatchObject({ status: 'open', reviewStarted: true });
  expect((await call('GET', `/api/obligations/${obligationId}/appeals`)).body).toMatchObject({ frozen: true, heldBy: [filed.body.id] });
  await expect
    .poll(async () => (await call('GET', `/api/notices?about=appeal/${filed.body.id}`)).body.map((n: { kind: string }) => n.kind).sort(), {
      timeout: 30_000,
      interval: 500,
    })
    .toEqual(['appeal-filed', 'appeal-payments-frozen']);

  const decided = await call('POST', `/api/appeals/${filed.body.id}/decision`, { outcome: 'overturned', reason: '复核确认漏计' });
  expect(decided.body).toMatchObject({ status: 'overturned', followedUp: true });
  await expect
    .poll(async () => (await call('GET', `/api/appeals/${filed.body.id}`)).body.redecidedAt, { timeout: 60_000, interval: 500 })
    .toEqual(expect.any(String));
  const appeal = (await call('GET', `/api/appeals/${filed.body.id}`)).body;
  expect(appeal.decisions.replaced.map((d: { id: string }) => d.id)).toContain(`${cycleId}/circulated-criticism/${last}`);
  expect(appeal.explanation.zh).toContain('改判');

  const chain = (await call('GET', `/api/obligations/${obligationId}/appeals`)).body;
  expect(chain.frozen).toBe(false);
  expect(chain.obligation.amount).toBeGreaterThan(before.amount);
  expect(chain.revisions.map((d: { amount: number }) => d.amount)).toEqual([before.amount, chain.obligation.amount]);

  const today = new Date().toISOString().slice(0, 10);
  // Finance pays; the officer confirms the money arrived.
  const finance = await serviceToken(fresh.url, { role: 'finance' });
  const paid = await call('POST', '/api/payments', { obligationId, amount: chain.obligation.amount, paidOn: today, reference: 'FIN-APPEAL-1' }, finance);
  expect(paid.status).toBe(201);
  expect(paid.body.recordedBy).toMatch(/^finance:/);
  expect((await call('POST', `/api/obligations/${obligationId}/receipt`, undefined, officerToken)).status).toBe(200);
  await expect.poll(async () => (await call('GET', `/api/obligations?payeeId=${officer}`)).body[0].status, { timeout: 60_000, interval: 500 }).toBe('settled');
});

// The whole service against the shared dev server: figures in over HTTP, the cycle run by a
// real worker, decisions and joint notices read back over HTTP — on SQLite and on PostgreSQL.
import { Client, Connection, ScheduleAlreadyRunning } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startService, type RunningService } from '../../src/service.js';
import { freshPostgres, freshSqlite } from '../support/db.js';
import { demoSubmissions } from '../support/figures.js';
import { devNamespaces } from '../support/namespaces.js';
import { serviceToken } from '../support/serviceUsers.js';
import { webhookReceiver } from '../support/receivers.js';

const token = 'e2e-bureau-token-0123456789';

const providers = [
  { name: 'SQLite', namespace: devNamespaces.e2eSqlite, database: () => freshSqlite('e2e') },
  { name: 'PostgreSQL', namespace: devNamespaces.e2ePostgres, database: () => freshPostgres('e2e') },
];

describe.each(providers)('the service on $name', ({ namespace, database }) => {
  let service: RunningService;
  let dropDatabase: () => Promise<void>;
  let databaseUrl: string;
  // The notices go on beyond the inbox, to a webhook: only then is a delivery started for each.
  let webhook: Awaited<ReturnType<typeof webhookReceiver>>;

  /** A request as the bureau (the bootstrap token), or as the user whose token is `as`. */
  const call = async (method: string, path: string, body?: unknown, as = token) => {
    const res = await fetch(`${service.apiUrl}${path}`, {
      method,
      headers: { ...(as ? { authorization: `Bearer ${as}` } : {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
  };

  beforeAll(async () => {
    const fresh = await database();
    await fresh.db.$disconnect();
    dropDatabase = fresh.drop;
    databaseUrl = fresh.url;
    webhook = await webhookReceiver();
    // A quarterly Schedule left by the release before counties, which the start deletes.
    const connection = await Connection.connect({ address: inject('devServerAddress') });
    try {
      await new Client({ connection, namespace }).schedule
        .create({
          scheduleId: `e2e-${namespace}/quarterly-evaluation`,
          spec: { calendars: [{ month: 'APRIL', dayOfMonth: 1, hour: 0, minute: 0 }] },
          action: {
            type: 'startWorkflow',
            workflowType: 'scheduledPeriodCycle',
            workflowId: `e2e-${namespace}/scheduled-quarterly`,
            taskQueue: `e2e-${namespace}`,
            args: ['quarterly'],
          },
        })
        .catch((err) => {
          if (!(err instanceof ScheduleAlreadyRunning)) throw err;
        });
    } finally {
      await connection.close();
    }
    service = await startService(
      loadConfig({
        DATABASE_URL: fresh.url,
        TEMPORAL_ADDRESS: inject('devServerAddress'),
        TEMPORAL_NAMESPACE: namespace,
        TASK_QUEUE: `e2e-${namespace}`,
        HTTP_PORT: '0',
        BUREAU_TOKEN: token,
        WEBHOOK_URL: webhook.url,
        WEBHOOK_SECRET: 'e2e-webhook-secret-0123',
        // The request lines (info) would flood the test output.
        LOG_LEVEL: 'warn',
      }),
    );
  });

  afterAll(async () => {
    await service?.stop();
    await dropDatabase?.();
    await webhook?.close();
  });

  it('seeds the demo county, registers its Schedules of every period and deletes those without a county', async () => {
    expect(service.seeded).toBe(true);
    expect(service.counties).toEqual([{ id: 'demo', name: '示范县公安局', schedules: service.schedules }]);
    for (const cadence of ['monthly', 'quarterly', 'half-year']) expect(service.schedules).toContain(`e2e-${namespace}/${cadence}-evaluation-demo`);
    expect(service.deletedSchedules).toEqual([`e2e-${namespace}/quarterly-evaluation`]);
    const communities = await call('GET', '/api/communities');
    expect(communities.body).toHaveLength(10);
  });

  it("invites the county's first clerk, who sets a password with the printed code and signs in", async () => {
    const invitation = service.firstInvitation!;
    expect(invitation.userId).toBe('admin');
    const accepted = await call('POST', '/api/invitations/acceptance', { code: invitation.code, password: 'the first clerk of 2026' }, '');
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ id: 'admin', role: 'bureau-staff', countyId: 'demo' });
    const signedIn = await call('POST', '/api/session', { id: 'admin', password: 'the first clerk of 2026' }, '');
    expect(signedIn.status).toBe(200);
  });

  it('runs a quarter submitted over HTTP and serves its decisions and joint notice', async () => {
    // The demo county's quarter: its cycle id names the county.
    const cycleId = 'quarterly-2026-Q1-demo';
    const ids = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];
    // Each department, signed in as itself, submits the figures the rule set says it supplies.
    for (const { submittedBy, figures } of demoSubmissions(ids)) {
      const department = await serviceToken(databaseUrl, { role: 'department', subjectId: submittedBy });
      const submitted = await call('POST', '/api/metrics', { period: '2026-Q1', figures }, department);
      expect(submitted.status).toBeLessThan(300);
    }

    const [first, second] = await Promise.all([
      call('POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' }),
      call('POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    expect((first.status === 409 ? first : second).type).toContain('application/problem+json');

    await expect.poll(async () => (await call('GET', `/api/cycles/${cycleId}`)).body.status, { timeout: 60_000, interval: 500 }).toBe('decided');
    const cycle = await call('GET', `/api/cycles/${cycleId}`);
    expect(cycle.body).toMatchObject({ cycleId, status: 'decided', period: '2026-Q1', execution: 'COMPLETED' });

    const decisions = await call('GET', `/api/decisions?cycleId=${cycleId}&type=sanction`);
    const sanctions = decisions.body as { kind: string; subjectId: string }[];
    expect(sanctions.map((d) => d.kind).sort()).toEqual(['admonishment-talk', 'circulated-criticism']);
    const last = sanctions[0]!.subjectId;

    const notices = await call('GET', `/api/notices?kind=joint-notice&about=${last}`);
    const [notice] = notices.body as { titleZh: string; bodyEn: string; recipients: { recipientType: string }[] }[];
    expect(notice!.titleZh).toContain('通报');
    expect(notice!.bodyEn).toContain('ranked last');
    expect(new Set(notice!.recipients.map((r) => r.recipientType))).toEqual(new Set(['officer', 'leader', 'department']));

    const again = await call('POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' });
    expect(again.status).toBe(409);
  });

  it('sends a notice the API publishes itself on to the channels through its delivery workflow', async () => {
    const [officer] = (await call('GET', '/api/bindings?subjectType=officer')).body as { subjectId: string }[];
    const today = new Date().toISOString().slice(0, 10);
    // The officer's station (城关 has the officers of c01–c04, the first bindings) records, signed in as itself.
    const station = await serviceToken(databaseUrl, { role: 'station', subjectId: 'chengguan' });
    let last;
    // Three pulls of one officer in a month pass the default allowance of two.
    for (const note of ['值班', '专案', '夜巡'])
      last = await call('POST', '/api/diversions', { stationId: 'chengguan', officerId: officer!.subjectId, date: today, kind: 'station-duty', note }, station);
    expect(last!.body).toMatchObject({ flagged: true, noticeDelivery: true });
    const connection = await Connection.connect({ address: inject('devServerAddress') });
    try {
      const delivery = new Client({ connection, namespace }).workflow.getHandle(`delivery/${last!.body.notice}`);
      expect(await delivery.result()).toMatchObject({ noticeId: last!.body.notice, delivered: ['webhook'], failed: [] });
      expect(webhook.accepted.has(last!.body.notice)).toBe(true);
    } finally {
      await connection.close();
    }
  });
});

// The reads of issue 9: every list a page at a time behind a Link header, the reads of visits,
// diversions, incidents and presence, unknown query parameters refused, raw slashes in decision
// ids, 415 for a body that is not JSON, and the health probes outside /api.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createDb, type Db } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { testCounty, tokenFor, testCountyRecord } from '../support/users.js';
import { expectProblem, harness, RecordingCycles, RecordingLogger, RecordingSignals } from './harness.js';

let db: Db;
let h: Awaited<ReturnType<typeof harness>>;
const decisionId = 'quarterly-2025-Q4/sanction/c07';

beforeAll(async () => {
  db = (await freshSqlite('api-lists')).db;
  await seedDemoCounty(db, { today: '2025-10-01', county: testCountyRecord });
  h = await harness(db);
  await db.decision.create({
    data: {
      id: decisionId,
      countyId: testCounty,
      cycleId: 'quarterly-2025-Q4',
      type: 'sanction',
      kind: 'circulated-criticism',
      subjectType: 'community',
      subjectId: 'c07',
      officers: ['o11'],
      rule: 'last-place',
      reason: 'last',
      facts: {},
    },
  });
  const cycleId = 'quarterly-2025-Q3';
  for (const [i, c] of ['c01', 'c02', 'c03'].entries()) {
    await db.cycle.create({
      data: { id: `monthly-2025-0${i + 1}`, countyId: testCounty, kind: 'monthly', period: `2025-0${i + 1}`, status: 'decided', ruleSetVersionId: 1 },
    });
    await db.evaluation.create({
      data: { countyId: testCounty, cycleId, period: '2025-Q3', communityId: c, score: 90 - i, rank: i + 1, isLast: i === 2, breakdown: [], missing: [] },
    });
    await db.decision.create({
      data: {
        id: `${cycleId}/subsidy/o0${i + 1}`,
        countyId: testCounty,
        cycleId,
        type: 'subsidy',
        kind: 'subsidy',
        subjectType: 'officer',
        subjectId: `o0${i + 1}`,
        officers: [],
        rule: 'r',
        reason: 'r',
        facts: {},
        amountFen: 150000,
      },
    });
    await db.paymentObligation.create({
      data: {
        id: `2025-Q3/subsidy/o0${i + 1}`,
        countyId: testCounty,
        cycleId,
        decisionId: `${cycleId}/subsidy/o0${i + 1}`,
        kind: 'subsidy',
        payeeType: 'officer',
        payeeId: `o0${i + 1}`,
        amountFen: 150000,
        dueOn: '2025-10-30',
      },
    });
    await db.notice.create({
      data: { id: `${cycleId}/note/${c}`, countyId: testCounty, kind: 'note', about: c, cycleId, titleZh: '…', bodyZh: '…', bodyEn: '…', facts: {} },
    });
  }
  const figures = ['c01', 'c02', 'c03'].map((communityId) => ({ communityId, metric: 'incidents', value: 3 }));
  const zhian = await h.as({ role: 'department', subjectId: 'zhian' });
  expect((await zhian.post('/api/metrics', { period: '2025-Q4', figures })).status).toBe(200);
  // Visits by their leaders, diversions by the officers' station, incidents by each community's officer.
  const as = async (role: 'leader' | 'officer' | 'station', subjectId: string) => h.as({ role, subjectId });
  for (const date of ['2026-03-02', '2026-03-05', '2026-03-09']) {
    expect((await (await as('leader', 'L01')).post('/api/visits', { communityId: 'c01', date, note: '' })).status).toBe(201);
  }
  expect((await (await as('leader', 'L02')).post('/api/visits', { communityId: 'c02', date: '2026-03-03', note: '' })).status).toBe(201);
  // The seed puts the officers of c01–c04 (o01 and o03 among them) in the station 城关.
  expect(await db.officer.count({ where: { id: { in: ['o01', 'o03'] }, stationId: 'chengguan', countyId: testCounty } })).toBe(2);
  const station = await as('station', 'chengguan');
  for (const [officerId, date] of [
    ['o01', '2026-03-01'],
    ['o01', '2026-02-10'],
    ['o03', '2026-03-04'],
  ] as const) {
    expect((await station.post('/api/diversions', { officerId, date, kind: 'case-work', note: '' })).status).toBe(201);
  }
  for (const [communityId, occurredOn] of [
    ['c01', '2026-03-01'],
    ['c02', '2026-03-02'],
    ['c01', '2026-02-20'],
  ] as const) {
    const officer = await as('officer', communityId === 'c01' ? 'o01' : 'o03');
    expect((await officer.post('/api/incidents', { communityId, occurredOn, category: '盗窃', summary: '电动车被盗' })).status).toBe(201);
  }
});

afterAll(async () => db?.$disconnect());

/** Follows rel="next" from `path` and returns every page's items. */
async function walk(path: string, items = (b: any) => b as unknown[], api = h.api) {
  const pages: unknown[][] = [];
  let next: string | undefined = path;
  while (next) {
    const res = await api.get(next);
    expect(res.status).toBe(200);
    pages.push(items(res.body));
    next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.link ?? '')?.[1];
    expect(pages.length).toBeLessThan(100);
  }
  return pages;
}

describe('cursor pagination', () => {
  const lists = [
    '/api/communities',
    '/api/officers',
    '/api/leaders',
    '/api/departments',
    '/api/bindings',
    '/api/audit',
    '/api/visits',
    '/api/diversions',
    '/api/incidents',
    '/api/audit?entity=Visit',
    '/api/metrics',
    '/api/cycles?kind=monthly',
    '/api/evaluations?period=2025-Q3',
    '/api/decisions',
    '/api/obligations',
    '/api/notices?cycleId=quarterly-2025-Q3',
  ];

  it.each(lists)('reads %s two at a time, in the order of one full read, each row once', async (path) => {
    const all = (await h.api.get(`${path}${path.includes('?') ? '&' : '?'}limit=500`)).body as unknown[];
    const pages = await walk(`${path}${path.includes('?') ? '&' : '?'}limit=2`);
    expect(all.length).toBeGreaterThan(2);
    expect(pages.map((p) => p.length)).toEqual([...Array(Math.floor(all.length / 2)).fill(2), ...(all.length % 2 ? [1] : [])]);
    expect(pages.flat()).toEqual(all);
  });

  it('pages the inbox too, unread before read, the count of unread unchanged', async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await db.notice.create({
        data: {
          id: `test/${n}`,
          countyId: testCounty,
          kind: 'presence-violation',
          titleZh: `通知${n}`,
          bodyZh: '…',
          bodyEn: '…',
          facts: {},
          recipients: { create: { recipientType: 'leader', recipientId: 'L05', acknowledgedAt: n % 2 ? new Date() : null } },
        },
      });
    }
    const l05 = await h.as({ role: 'leader', subjectId: 'L05' });
    const whole = (await l05.get('/api/inbox')).body;
    expect(whole.items.map((i: { id: string }) => i.id)).toEqual(['test/4', 'test/2', 'test/5', 'test/3', 'test/1']);
    const pages = await walk(
      '/api/inbox?recipient=leader:L05&limit=2',
      (b) => {
        expect(b.unread).toBe(2);
        return b.items;
      },
      l05,
    );
    expect(pages.flat()).toEqual(whole.items);
  });

  it('stops at 500 and at 1, and refuses a cursor it did not give out', async () => {
    expectProblem(await h.api.get('/api/communities?limit=501'), 400, { parameter: 'limit' } as never);
    expectProblem(await h.api.get('/api/communities?limit=0'), 400, { parameter: 'limit' } as never);
    expectProblem(await h.api.get('/api/decisions?cursor=not-a-cursor'), 400, { parameter: 'cursor' } as never);
    const one = await h.api.get('/api/communities?limit=1');
    expect(one.body).toHaveLength(1);
    expect(one.headers.link).toMatch(/^<\/api\/communities\?limit=1&cursor=[\w-]+>; rel="next"$/);
  });
});

describe('cursor pagination on PostgreSQL', () => {
  let t: TestDb;
  let pg: Awaited<ReturnType<typeof harness>>;
  beforeAll(async () => {
    t = await freshPostgres('api-lists');
    await seedDemoCounty(t.db, { today: '2026-01-01', county: testCountyRecord });
    pg = await harness(t.db);
  });
  afterAll(async () => t?.drop());

  it.each(['/api/bindings', '/api/officers', '/api/audit'])('reads %s five at a time as one full read', async (path) => {
    const all = (await pg.api.get(`${path}?limit=500`)).body as unknown[];
    const pages = await walk(`${path}?limit=5`, undefined, pg.api);
    expect(pages.length).toBe(Math.ceil(all.length / 5));
    expect(pages.flat()).toEqual(all);
  });
});

describe('unknown query parameters', () => {
  it.each([
    '/api/decisions?cycleId[$ne]=x',
    '/api/communities?nmae=x',
    '/api/audit?entityid=1',
    '/api/visits?leader=L01',
    `/api/decisions/${decisionId}?x=1`,
    `/api/decisions/${decisionId}/explanation?lang=en`,
    '/api/rulesets/facts?stage=monthly',
    '/api/bindings/1?at=2026-01-01',
    '/api/inbox?recipient=leader:L01&unread=1',
  ])('refuses %s with 400 naming the parameter', async (path) => {
    const res = await h.api.get(path);
    const name = decodeURIComponent(path.split('?')[1]!.split('&').at(-1)!.split('=')[0]!);
    expectProblem(res, 400, { parameter: name } as never);
    expect(res.body.detail).toContain(`parameter ${name}`);
  });
});

describe('reads of visits, diversions, incidents and presence', () => {
  it('lists visits by leader, community, month and status', async () => {
    const l01 = (await h.api.get('/api/visits?leaderId=L01&month=2026-03')).body;
    expect(l01.map((v: { date: string }) => v.date)).toEqual(['2026-03-02', '2026-03-05', '2026-03-09']);
    expect((await h.api.get('/api/visits?communityId=c02')).body).toHaveLength(1);
    expect((await h.api.get('/api/visits?status=confirmed&leaderId=L02')).body).toEqual([]);
    expectProblem(await h.api.get('/api/visits?month=2026-3'), 400, { parameter: 'month' } as never);
  });

  it('lists diversions by officer, community and month, and incidents by community, month and solved', async () => {
    expect((await h.api.get('/api/diversions?officerId=o01')).body.map((d: { date: string }) => d.date)).toEqual(['2026-02-10', '2026-03-01']);
    expect((await h.api.get('/api/diversions?month=2026-03&communityId=c01')).body).toHaveLength(1);
    const march = (await h.api.get('/api/incidents?communityId=c01&month=2026-03')).body;
    expect(march.map((i: { occurredOn: string }) => i.occurredOn)).toEqual(['2026-03-01']);
    expect((await h.api.get('/api/incidents?solved=false')).body).toHaveLength(3);
    expect((await h.api.get(`/api/incidents/${march[0].id}`)).body).toMatchObject({ communityId: 'c01', solved: false });
  });

  it('shows a leader-month: its visits with the answers, the days that count so far and the verdict', async () => {
    const [first] = (await h.api.get('/api/visits?leaderId=L01&month=2026-03')).body;
    const o01 = await h.as({ role: 'officer', subjectId: 'o01' });
    expect((await o01.post(`/api/visits/${first.id}/confirmation`, { verdict: 'confirmed' })).status).toBe(200);
    const month = await h.api.get('/api/presence/L01/2026-03');
    expect(month.status).toBe(200);
    expect(month.body).toMatchObject({ leaderId: 'L01', month: '2026-03', required: 2, countedDays: ['2026-03-02'], days: 1, verdict: 'open' });
    expect(month.body.visits.map((v: { status: string }) => v.status)).toEqual(['confirmed', 'pending', 'pending']);
    expect(month.body.visits[0]).toMatchObject({ answeredBy: 'o01', date: '2026-03-02' });

    await db.presenceMonth.createMany({
      data: [
        { leaderId: 'L01', month: '2026-02', communityId: 'c01', days: 1, required: 2, compliant: false, countedDays: ['2026-02-03'] },
        { leaderId: 'L02', month: '2026-02', communityId: 'c02', days: 2, required: 2, compliant: true, countedDays: ['2026-02-03', '2026-02-04'] },
      ],
    });
    expect((await h.api.get('/api/presence/L01/2026-02')).body).toMatchObject({ verdict: 'non-compliant', days: 1, countedDays: ['2026-02-03'] });
    const feb = await walk('/api/presence?month=2026-02&limit=1');
    expect(feb.flat().map((m: any) => [m.leaderId, m.compliant])).toEqual([
      ['L01', false],
      ['L02', true],
    ]);
    expect((await h.api.get('/api/presence?compliant=false')).body.map((m: { leaderId: string }) => m.leaderId)).toEqual(['L01']);
    expectProblem(await h.api.get('/api/presence/L99/2026-02'), 404);
    expectProblem(await h.api.get('/api/presence/L01/2026-13'), 404);
  });
});

describe('decision ids with their slashes', () => {
  it('reads a decision and its explanation with raw or encoded slashes', async () => {
    for (const id of [decisionId, encodeURIComponent(decisionId)]) {
      const res = await h.api.get(`/api/decisions/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: decisionId, subjectId: 'c07' });
      const why = await h.api.get(`/api/decisions/${id}/explanation`);
      expect(why.status).toBe(200);
      expect(why.body.decision).toBe(decisionId);
    }
    expectProblem(await h.api.get('/api/decisions/quarterly-2025-Q4/sanction/c99'), 404);
  });
});

describe('content types', () => {
  it('answers 415 as problem+json for a body that is not JSON, and still reads CSV where CSV is taken', async () => {
    const before = await db.community.count();
    const asText = await request(h.app)
      .post('/api/communities')
      .set('Authorization', 'Bearer test-token-0123456789')
      .set('Content-Type', 'text/plain')
      .send('{"id":"c99","name":"x","population":1,"complexity":1}');
    expectProblem(asText, 415);
    expect(asText.body.detail).toContain('application/json');
    const asForm = await request(h.app).post('/api/visits').set('Authorization', 'Bearer test-token-0123456789').type('form').send({ leaderId: 'L01' });
    expectProblem(asForm, 415);
    expect(await db.community.count()).toBe(before);
    const csv = await request(h.app)
      .post('/api/metrics/csv')
      .set('Authorization', `Bearer ${await tokenFor(db, { role: 'department', subjectId: 'zhian' })}`)
      .set('Content-Type', 'text/csv')
      .send('period,communityId,metric,value,submittedBy\n');
    expect(csv.status).not.toBe(415);
  });
});

describe('health probes', () => {
  it('answers /healthz and /readyz without a token', async () => {
    expect((await request(h.app).get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await request(h.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', failed: [], database: { ok: true } });
  });

  it('is not ready, 503 naming Temporal, when Temporal does not answer', async () => {
    const app = createApp({
      db,
      cycles: new RecordingCycles(),
      signals: new RecordingSignals(),
      logger: new RecordingLogger(),
      temporalProbe: async () => {
        throw new Error('14 UNAVAILABLE: No connection established');
      },
    });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'unavailable',
      failed: ['temporal'],
      database: { ok: true },
      temporal: { ok: false, error: expect.stringContaining('UNAVAILABLE') },
    });
  });

  it('is not ready, 503 naming the database, when the database does not answer', async () => {
    const unreachable = createDb('postgresql://postgres:postgres@127.0.0.1:1/none');
    const app = createApp({
      db: unreachable,
      cycles: new RecordingCycles(),
      signals: new RecordingSignals(),
      logger: new RecordingLogger(),
      temporalProbe: async () => {},
    });
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ failed: ['database'], database: { ok: false }, temporal: { ok: true } });
    await unreachable.$disconnect();
  });
});

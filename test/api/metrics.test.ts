import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { addCommunity, addDepartment, addOfficer } from '../support/countyRows.js';
import { testCounty } from '../support/users.js';
import { c01, counts, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;
type Client = Awaited<ReturnType<typeof h.as>>;
/** Each department signed in as itself. */
const dept: Record<'zhian' | 'zhengong' | 'renkou', Client> = {} as never;
/** Who the figures and the audit name: the user of the department zhian. */
const actor = 'department:zhian';
const otherCounty = 'other-county';

beforeAll(async () => {
  t = await freshSqlite('api-metrics');
  h = await harness(t.db);
  await addCommunity(t.db, c01);
  await addCommunity(t.db, { id: 'c02', name: '城中', population: 28500, complexity: 1 });
  for (const id of ['zhian', 'zhengong', 'renkou'] as const) {
    await addDepartment(t.db, id);
    dept[id] = await h.as({ role: 'department', subjectId: id });
  }
  // c03 has no officer bound: no cycle would evaluate figures for it.
  await addCommunity(t.db, { id: 'c03', name: '濂溪', population: 9000, complexity: 2 });
  await addOfficer(t.db, 'o01', 'c01');
  await addOfficer(t.db, 'o02', 'c02');
  // A community of another county, with its officer bound.
  await addCommunity(t.db, { id: 'x01', name: '邻县社区' }, otherCounty);
  await addOfficer(t.db, 'x01-officer', 'x01', '2026-01-01', null, otherCounty);
});
afterAll(() => t.drop());
beforeEach(() => {
  h.cycles.submitted.length = 0;
});

const header = 'period,communityId,metric,value,submittedBy';
const submit = (figures: object[], extra: object = {}, as: Client = dept.zhian) =>
  as.post('/api/metrics', { period: '2026-Q1', submittedBy: 'zhian', figures, ...extra });
const csv = (text: string, as: Client = dept.zhian) => as.post('/api/metrics/csv').set('Content-Type', 'text/csv').send(text);
const tc = testCounty;

describe('metrics as JSON', () => {
  it('stores the figures, audits them and tells the cycle per community', async () => {
    const res = await submit([
      { communityId: 'c01', metric: 'incidents', value: 14 },
      { communityId: 'c01', metric: 'prevention', value: 0.7 },
      { communityId: 'c02', metric: 'clues', value: 9 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ stored: 3, created: 3, updated: 0, cycleNotified: true });
    expect(h.cycles.submitted).toEqual([
      { countyId: tc, period: '2026-Q1', communityId: 'c01', metrics: ['incidents', 'prevention'] },
      { countyId: tc, period: '2026-Q1', communityId: 'c02', metrics: ['clues'] },
    ]);
    const rows = (await h.api.get('/api/metrics?period=2026-Q1&communityId=c01')).body;
    expect(rows).toEqual([
      expect.objectContaining({ metric: 'incidents', value: 14, submittedBy: 'zhian', actor, countyId: tc }),
      expect.objectContaining({ metric: 'prevention', value: 0.7 }),
    ]);
    const audit = (await h.api.get('/api/audit?entity=MetricSubmission&entityId=2026-Q1/c01/incidents')).body;
    expect(audit).toEqual([expect.objectContaining({ actor, action: 'create', after: expect.objectContaining({ value: 14 }) })]);
    const row = await t.db.auditEntry.findFirstOrThrow({ where: { entity: 'MetricSubmission', entityId: '2026-Q1/c01/incidents' } });
    expect(row).toMatchObject({ actor, role: 'department', countyId: tc, authMethod: 'token', credentialId: expect.stringMatching(/^tok_/) });
  });

  it('upserts a resubmitted figure, auditing before and after', async () => {
    const res = await submit([{ communityId: 'c01', metric: 'incidents', value: 12 }]);
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    expect((await h.api.get('/api/metrics?period=2026-Q1&communityId=c01&metric=incidents')).body).toEqual([expect.objectContaining({ value: 12 })]);
    const audit = (await h.api.get('/api/audit?entity=MetricSubmission&entityId=2026-Q1/c01/incidents&action=update')).body;
    expect(audit).toEqual([expect.objectContaining({ actor, before: expect.objectContaining({ value: 14 }), after: expect.objectContaining({ value: 12 }) })]);
  });

  it.each([
    [
      'a rate of 1.3',
      [
        { communityId: 'c01', metric: 'satisfaction', value: 0.9 },
        { communityId: 'c01', metric: 'satisfaction', value: 1.3 },
      ],
      {},
      '/figures/1/value',
    ],
    ['a negative count', [{ communityId: 'c01', metric: 'clues', value: -1 }], {}, '/figures/0/value'],
    ['a fractional count', [{ communityId: 'c01', metric: 'incidents', value: 2.5 }], {}, '/figures/0/value'],
    ['a value that is not a number', [{ communityId: 'c01', metric: 'clues', value: '3' }], {}, '/figures/0/value'],
    [
      'an unknown community',
      [
        { communityId: 'c01', metric: 'clues', value: 3 },
        { communityId: 'c99', metric: 'clues', value: 3 },
      ],
      {},
      '/figures/1/communityId',
    ],
    ['an unknown metric', [{ communityId: 'c01', metric: 'happiness', value: 0.5 }], {}, '/figures/0/metric'],
    ['a bad period', [{ communityId: 'c01', metric: 'clues', value: 3 }], { period: '2026-Q5' }, '/period'],
    ['a community of another county', [{ communityId: 'x01', metric: 'clues', value: 3 }], {}, '/figures/0/communityId'],
    [
      'a figure given twice',
      [
        { communityId: 'c02', metric: 'clues', value: 3 },
        { communityId: 'c02', metric: 'clues', value: 4 },
      ],
      {},
      '/figures/1/metric',
    ],
    ['no figures', [], {}, '/figures'],
  ])('rejects %s with 422 naming the field; nothing is stored and no cycle told', async (_, figures, extra, pointer) => {
    const before = await counts(t.db);
    expectProblem(await submit(figures, extra), 422, { pointer });
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it.each([
    ['satisfaction', 'renkou', 'zhengong'],
    ['registration', 'zhian', 'renkou'],
  ])(
    "refuses %s submitted by %s (another department's figure) with 403 naming the figure and its supplier; nothing is stored",
    async (metric, submittedBy, supplier) => {
      const before = await counts(t.db);
      const res = await submit([{ communityId: 'c01', metric, value: 0.9 }], { submittedBy }, dept[submittedBy as 'zhian']);
      expectProblem(res, 403, { pointer: '/figures/0/metric' });
      expect(res.body.errors).toEqual([
        { pointer: '/figures/0/metric', message: `${metric} is supplied by ${supplier} (rule set version 1), not by ${submittedBy}` },
      ]);
      expect(await counts(t.db)).toEqual(before);
      expect(h.cycles.submitted).toEqual([]);
    },
  );

  it('refuses a submittedBy naming another department with 403 naming /submittedBy; without it the caller is the submitter', async () => {
    const before = await counts(t.db);
    expectProblem(await submit([{ communityId: 'c01', metric: 'clues', value: 3 }], { submittedBy: 'zhengong' }), 403, { pointer: '/submittedBy' });
    expect(await counts(t.db)).toEqual(before);
    const res = await dept.zhengong.post('/api/metrics', { period: '2026-Q1', figures: [{ communityId: 'c02', metric: 'familiarity', value: 0.8 }] });
    expect(res.status).toBe(200);
    expect((await t.db.metricSubmission.findFirstOrThrow({ where: { communityId: 'c02', metric: 'familiarity' } })).submittedBy).toBe('zhengong');
  });

  it('lets only departments submit (403 for anyone else, writing nothing)', async () => {
    const before = await counts(t.db);
    const body = { period: '2026-Q1', submittedBy: 'zhian', figures: [{ communityId: 'c01', metric: 'clues', value: 3 }] };
    for (const caller of [h.api, await h.as({ role: 'officer', subjectId: 'o01' }), await h.as({ role: 'bureau-head' })]) {
      expectProblem(await caller.post('/api/metrics', body), 403);
      expectProblem(await caller.post('/api/metrics/csv').set('Content-Type', 'text/csv').send(`${header}\n2026-Q1,c01,clues,3,zhian\n`), 403);
    }
    expect(await counts(t.db)).toEqual(before);
  });

  it("stores another county's department's figures in its county and tells that county's cycle", async () => {
    const theirs = await h.as({ role: 'department', subjectId: 'zhian', countyId: otherCounty, id: 'department:zhian@other' });
    const res = await theirs.post('/api/metrics', { period: '2026-Q1', figures: [{ communityId: 'x01', metric: 'clues', value: 4 }] });
    expect(res.status).toBe(200);
    expect(h.cycles.submitted).toEqual([{ countyId: otherCounty, period: '2026-Q1', communityId: 'x01', metrics: ['clues'] }]);
    expect(await t.db.metricSubmission.findFirstOrThrow({ where: { communityId: 'x01' } })).toMatchObject({
      countyId: otherCounty,
      actor: 'department:zhian@other',
    });
    // Neither county's lists show the other's figures.
    expect((await h.api.get('/api/metrics?communityId=x01')).body).toEqual([]);
    expect((await theirs.get('/api/metrics?period=2026-Q1')).body.map((m: { communityId: string }) => m.communityId)).toEqual(['x01']);
  });

  it('lists a department its own submissions; readers the county', async () => {
    const own = (await dept.zhengong.get('/api/metrics?period=2026-Q1')).body as { submittedBy: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((m) => m.submittedBy === 'zhengong')).toBe(true);
    const county = (await h.api.get('/api/metrics?period=2026-Q1')).body as { submittedBy: string; countyId: string }[];
    expect(new Set(county.map((m) => m.submittedBy))).toEqual(new Set(['zhian', 'zhengong']));
    expect(county.every((m) => m.countyId === tc)).toBe(true);
  });

  it("refuses figures for a community with no officer bound at the period's end, naming it; nothing is stored", async () => {
    const before = await counts(t.db);
    const res = await submit([
      { communityId: 'c01', metric: 'clues', value: 3 },
      { communityId: 'c03', metric: 'clues', value: 3 },
      { communityId: 'c03', metric: 'incidents', value: 2 },
    ]);
    expectProblem(res, 422, { pointer: '/figures/1/communityId' });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toMatch(/c03 has no officer bound on 2026-03-31.*will not be evaluated/);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it('refuses figures for a community whose officer is unbound before the period ends', async () => {
    await addOfficer(t.db, 'o03', 'c03', '2026-01-01', '2026-03-30');
    expectProblem(await submit([{ communityId: 'c03', metric: 'clues', value: 3 }]), 422, { pointer: '/figures/0/communityId' });
    expect(h.cycles.submitted).toEqual([]);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const before = await counts(t.db);
    const res = await dept.zhian.post('/api/metrics').set('Content-Type', 'application/json').send('{"period": "2026-Q1", "figures": [');
    expectProblem(res, 400, { pointer: '' });
    expect(await counts(t.db)).toEqual(before);
  });

  it('still stores the figures when the cycle cannot be told, and says so', async () => {
    const original = h.cycles.metricsSubmitted;
    h.cycles.metricsSubmitted = async () => {
      throw new Error('temporal unavailable');
    };
    try {
      const res = await submit([{ communityId: 'c02', metric: 'incidents', value: 3 }]);
      expect(res.status).toBe(200);
      expect(res.body.cycleNotified).toBe(false);
      expect(h.logger.warnings).toHaveLength(1);
    } finally {
      h.cycles.metricsSubmitted = original;
    }
  });
});

describe('metrics as CSV', () => {
  it('stores a text/csv body with quotes, CRLF and a BOM', async () => {
    const text = `\uFEFF${header}\r\n2026-Q2,c01,satisfaction,0.93,zhengong\r\n"2026-Q2","c02","familiarity"," 0.81 ",zhengong\r\n`;
    const res = await csv(text, dept.zhengong);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, created: 2 });
    expect((await h.api.get('/api/metrics?period=2026-Q2')).body).toEqual([
      expect.objectContaining({ communityId: 'c01', metric: 'satisfaction', value: 0.93, submittedBy: 'zhengong' }),
      expect.objectContaining({ communityId: 'c02', metric: 'familiarity', value: 0.81 }),
    ]);
    expect(h.cycles.submitted).toEqual([
      { countyId: tc, period: '2026-Q2', communityId: 'c01', metrics: ['satisfaction'] },
      { countyId: tc, period: '2026-Q2', communityId: 'c02', metrics: ['familiarity'] },
    ]);
  });

  it('stores a multipart upload in field "file"; the submittedBy column may be left out', async () => {
    const res = await dept.renkou
      .post('/api/metrics/csv')
      .attach('file', Buffer.from(`period,communityId,metric,value\n2026-Q2,c01,registration,0.96\n2026-Q2,c01,keyPersonControl,0.9\n`), 'q2.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, created: 2 });
    expect((await t.db.metricSubmission.findFirstOrThrow({ where: { period: '2026-Q2', metric: 'registration' } })).submittedBy).toBe('renkou');
  });

  it("refuses a line of another department's figure or naming another department with 403 naming the line; nothing is stored", async () => {
    const before = await counts(t.db);
    const res = await csv(`${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c01,registration,0.9,zhian\n`);
    expectProblem(res, 403, { line: 3, column: 'metric', pointer: '/1/metric' });
    expectProblem(await csv(`${header}\n2026-Q3,c01,clues,3,renkou\n`), 403, { line: 2, column: 'submittedBy' });
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it.each([
    ['a wrong header', `period,community,metric,value,submittedBy\n2026-Q3,c01,clues,3,zhian\n`, 422, { line: 1 }],
    ['an unterminated quote', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c01,"incidents,3,zhian\n`, 400, { line: 3 }],
    [
      'a non-numeric value',
      `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c01,incidents,three,zhian\n`,
      422,
      { line: 3, column: 'value', pointer: '/1/value' },
    ],
    ['a rate of 1.3', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c01,prevention,1.3,zhian\n`, 422, { line: 3, column: 'value' }],
    ['an unknown community', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c99,clues,3,zhian\n`, 422, { line: 3, column: 'communityId' }],
    ['an unknown metric', `${header}\n2026-Q3,c01,happiness,0.3,zhian\n`, 422, { line: 2, column: 'metric' }],
    ['a bad period', `${header}\n2026-Q3,c01,clues,3,zhian\n2026Q3,c01,incidents,3,zhian\n`, 422, { line: 3, column: 'period' }],
    ['a short row', `${header}\n2026-Q3,c01,clues,3\n`, 422, { line: 2 }],
    ['a community of another county', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,x01,clues,3,zhian\n`, 422, { line: 3, column: 'communityId' }],
    ['a community with no officer bound', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c03,clues,3,zhian\n`, 422, { line: 3, column: 'communityId' }],
    ['no rows', `${header}\n`, 422, { line: 2 }],
  ])('rejects %s, naming line and column; nothing is stored', async (_, text, status, field) => {
    const before = await counts(t.db);
    expectProblem(await csv(text), status, field);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it('rejects a body that is neither CSV nor a multipart upload with 415', async () => {
    expectProblem(await dept.zhian.post('/api/metrics/csv').set('Content-Type', 'application/xml').send('<a/>'), 415);
  });

  it('rejects a multipart upload without field "file" with 400', async () => {
    expectProblem(await dept.zhian.post('/api/metrics/csv').field('other', 'x'), 400, { pointer: '/file' });
  });

  it('rejects an upload over 1 MB with 413 and stores nothing', async () => {
    const before = await counts(t.db);
    const row = '2026-Q4,c01,clues,3,zhian\n';
    const big = header + '\n' + row.repeat(Math.ceil(1_100_000 / row.length));
    expectProblem(await dept.zhian.post('/api/metrics/csv').attach('file', Buffer.from(big), 'big.csv'), 413);
    expectProblem(await csv(big), 413);
    expect(await counts(t.db)).toEqual(before);
  });
});

describe('figure completeness', () => {
  const completeness = (query: string) => h.api.get(`/api/metrics/completeness?${query}`);

  it('says per department what it supplies, for the offices evaluated, and what is still missing', async () => {
    const before = await completeness('period=2026-Q4');
    expect(before.status).toBe(200);
    // c03 has no officer bound, so nothing is expected for it.
    expect(before.body.communities).toEqual(['c01', 'c02']);
    expect(before.body.departments).toEqual([
      expect.objectContaining({ department: 'zhengong', metrics: ['satisfaction', 'familiarity'], expected: 4, received: 0 }),
      expect.objectContaining({ department: 'zhian', metrics: ['incidents', 'prevention', 'clues'], expected: 6, received: 0 }),
      expect.objectContaining({ department: 'renkou', metrics: ['registration', 'keyPersonControl'], expected: 4, received: 0 }),
    ]);
    expect((await submit([{ communityId: 'c01', metric: 'incidents', value: 3 }], { period: '2026-Q4' })).status).toBe(200);
    const zhian = (await completeness('period=2026-Q4')).body.departments.find((d: { department: string }) => d.department === 'zhian');
    expect(zhian.received).toBe(1);
    expect(zhian.missing).toHaveLength(5);
    expect(zhian.missing).not.toContainEqual({ community: 'c01', metric: 'incidents' });
  });

  it('names a bad or missing period as the parameter at fault', async () => {
    expectProblem(await completeness('period=2025-Q9'), 400, { parameter: 'period' } as never);
    expectProblem(await completeness(''), 400);
  });

  it('is for the bureau, not for a department', async () => {
    expect((await dept.zhian.get('/api/metrics/completeness?period=2026-Q4')).status).toBe(403);
  });
});

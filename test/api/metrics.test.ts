import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDb } from '../support/db.js';
import { actor, c01, counts, expectProblem, harness } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-metrics');
  h = await harness(t.db);
  await h.api.post('/api/communities', c01).expect(201);
  await h.api.post('/api/communities', { id: 'c02', name: '城中', population: 28500, complexity: 1 }).expect(201);
  await h.api.post('/api/departments', { id: 'zhian', name: '治安大队' }).expect(201);
  await h.api.post('/api/departments', { id: 'zhengong', name: '政工室' }).expect(201);
  await h.api.post('/api/departments', { id: 'renkou', name: '人口大队' }).expect(201);
  // c03 has no officer bound: no cycle would evaluate figures for it.
  await h.api.post('/api/communities', { id: 'c03', name: '濂溪', population: 9000, complexity: 2 }).expect(201);
  for (const [officer, communityId] of [
    ['o01', 'c01'],
    ['o02', 'c02'],
  ]) {
    await h.api.post('/api/officers', { id: officer, name: `民警${officer}`, communityId }).expect(201);
    await h.api.post('/api/bindings', { communityId, subjectType: 'officer', subjectId: officer, effectiveFrom: '2026-01-01' }).expect(201);
  }
});
afterAll(() => t.drop());
beforeEach(() => {
  h.cycles.submitted.length = 0;
});

const header = 'period,communityId,metric,value,submittedBy';
const submit = (figures: object[], extra: object = {}) => h.api.post('/api/metrics', { period: '2026-Q1', submittedBy: 'zhian', figures, ...extra });
const csv = (text: string) => h.api.post('/api/metrics/csv').set('Content-Type', 'text/csv').send(text);

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
      { period: '2026-Q1', communityId: 'c01', metrics: ['incidents', 'prevention'] },
      { period: '2026-Q1', communityId: 'c02', metrics: ['clues'] },
    ]);
    const rows = (await h.api.get('/api/metrics?period=2026-Q1&communityId=c01')).body;
    expect(rows).toEqual([
      expect.objectContaining({ metric: 'incidents', value: 14, submittedBy: 'zhian', actor }),
      expect.objectContaining({ metric: 'prevention', value: 0.7 }),
    ]);
    const audit = (await h.api.get('/api/audit?entity=MetricSubmission&entityId=2026-Q1/c01/incidents')).body;
    expect(audit).toEqual([expect.objectContaining({ actor, action: 'create', after: expect.objectContaining({ value: 14 }) })]);
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
    ['an unknown submitting department', [{ communityId: 'c01', metric: 'clues', value: 3 }], { submittedBy: 'nobody' }, '/submittedBy'],
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
  ])('refuses %s submitted by %s with 422 naming the metric and its supplier; nothing is stored', async (metric, submittedBy, supplier) => {
    const before = await counts(t.db);
    const res = await submit([{ communityId: 'c01', metric, value: 0.9 }], { submittedBy });
    expectProblem(res, 422, { pointer: '/submittedBy' });
    expect(res.body.errors).toEqual([{ pointer: '/submittedBy', message: `${metric} is supplied by ${supplier} (rule set version 1), not by ${submittedBy}` }]);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
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
    await h.api.post('/api/officers', { id: 'o03', name: '民警o03', communityId: 'c03' }).expect(201);
    await h.api
      .post('/api/bindings', { communityId: 'c03', subjectType: 'officer', subjectId: 'o03', effectiveFrom: '2026-01-01', effectiveTo: '2026-03-30' })
      .expect(201);
    expectProblem(await submit([{ communityId: 'c03', metric: 'clues', value: 3 }]), 422, { pointer: '/figures/0/communityId' });
    expect(h.cycles.submitted).toEqual([]);
  });

  it('rejects a malformed JSON body with 400', async () => {
    const before = await counts(t.db);
    const res = await h.api.post('/api/metrics').set('Content-Type', 'application/json').send('{"period": "2026-Q1", "figures": [');
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
    const res = await csv(text);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, created: 2 });
    expect((await h.api.get('/api/metrics?period=2026-Q2')).body).toEqual([
      expect.objectContaining({ communityId: 'c01', metric: 'satisfaction', value: 0.93, submittedBy: 'zhengong' }),
      expect.objectContaining({ communityId: 'c02', metric: 'familiarity', value: 0.81 }),
    ]);
    expect(h.cycles.submitted).toEqual([
      { period: '2026-Q2', communityId: 'c01', metrics: ['satisfaction'] },
      { period: '2026-Q2', communityId: 'c02', metrics: ['familiarity'] },
    ]);
  });

  it('stores a multipart upload in field "file"', async () => {
    const res = await h.api
      .post('/api/metrics/csv')
      .attach('file', Buffer.from(`${header}\n2026-Q2,c01,registration,0.96,renkou\n2026-Q2,c01,clues,9,zhian\n`), 'q2.csv');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stored: 2, created: 2 });
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
    [
      'a figure its department does not supply',
      `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c01,registration,0.9,zhian\n`,
      422,
      { line: 3, column: 'submittedBy', pointer: '/1/submittedBy' },
    ],
    ['a community with no officer bound', `${header}\n2026-Q3,c01,clues,3,zhian\n2026-Q3,c03,clues,3,zhian\n`, 422, { line: 3, column: 'communityId' }],
    ['no rows', `${header}\n`, 422, { line: 2 }],
  ])('rejects %s, naming line and column; nothing is stored', async (_, text, status, field) => {
    const before = await counts(t.db);
    expectProblem(await csv(text), status, field);
    expect(await counts(t.db)).toEqual(before);
    expect(h.cycles.submitted).toEqual([]);
  });

  it('rejects a body that is neither CSV nor a multipart upload with 415', async () => {
    expectProblem(await h.api.post('/api/metrics/csv').set('Content-Type', 'application/xml').send('<a/>'), 415);
  });

  it('rejects a multipart upload without field "file" with 400', async () => {
    expectProblem(await h.api.post('/api/metrics/csv').field('other', 'x'), 400, { pointer: '/file' });
  });

  it('rejects an upload over 1 MB with 413 and stores nothing', async () => {
    const before = await counts(t.db);
    const row = '2026-Q4,c01,clues,3,zhian\n';
    const big = header + '\n' + row.repeat(Math.ceil(1_100_000 / row.length));
    expectProblem(await h.api.post('/api/metrics/csv').attach('file', Buffer.from(big), 'big.csv'), 413);
    expectProblem(await csv(big), 413);
    expect(await counts(t.db)).toEqual(before);
  });
});

// Rule-set versions over HTTP: schema and catalogue for editors, immutable effective-dated
// versions, a diff between two, and a change that applies from its date only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleSetInForce } from '../../src/db/ruleSets.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { topFiveThreshold75 } from '../support/ruleChanges.js';
import { testCounty } from '../support/users.js';
import { actor, counts, expectProblem, harness, today, token } from './harness.js';

let t: TestDb;
let h: Awaited<ReturnType<typeof harness>>;

beforeAll(async () => {
  t = await freshSqlite('api-rulesets');
  h = await harness(t.db);
});
afterAll(() => t.drop());

describe('rule-set editing aids', () => {
  it('serves the JSON Schema with the fact names of each stage', async () => {
    const res = await h.api.get('/api/rulesets/schema');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/schema+json');
    const schema = JSON.parse(res.text);
    expect(schema.properties.rules.properties.quarterly.items.properties.conditions).toEqual({ $ref: '#/$defs/quarterlyConditions' });
    expect(schema.$defs.quarterlyCondition.oneOf[3].properties.fact.enum).toContain('consecutivePeriodsLast');
    expect(schema.$defs.yearEndCondition.oneOf[3].properties.fact.enum).toContain('yearRank');
    expect(schema.properties.rules.properties.monthly.items.properties.conditions).toEqual({ $ref: '#/$defs/monthlyConditions' });
    expect(schema.properties.rules.properties.halfYear.items.properties.conditions).toEqual({ $ref: '#/$defs/halfYearConditions' });
    expect(schema.properties.rules.required).toEqual(['quarterly', 'yearEnd']);
    expect(schema.$defs.monthlyCondition.oneOf[3].properties.fact.description).toContain("score: number — this month's score");
    for (const metric of schema.properties.scoring.properties.metrics.additionalProperties.anyOf) {
      expect(metric.properties.complexityAdjusted).toMatchObject({ type: 'boolean', description: expect.stringContaining('absent') });
      expect(metric.required).not.toContain('complexityAdjusted');
    }
  });

  it('serves the fact catalogue with types and descriptions', async () => {
    const res = await h.api.get('/api/rulesets/facts');
    expect(res.body.quarterly.previousPeriodScore).toMatchObject({ type: 'number', nullable: true, description: expect.any(String) });
    expect(res.body.yearEnd.yearRank).toMatchObject({ type: 'number' });
    expect(res.body.quarterly.score).toMatchObject({ zh: '本季度得分', en: "this quarter's score" });
    expect(res.body.monthly.score).toMatchObject({ zh: '本月得分', en: "this month's score", description: "this month's score, 0–100" });
    expect(res.body.halfYear.previousPeriodLast).toMatchObject({ zh: '上一半年度排名末位', en: 'last in the half-year before' });
  });
});

describe('rule-set versions', () => {
  let changedId: number;

  it('lists the shipped default as in force', async () => {
    const res = await h.api.get('/api/rulesets');
    expect(res.body).toEqual([expect.objectContaining({ id: 1, author: 'system', effectiveFrom: '1970-01-01', inForce: true })]);
  });

  it('refuses a version effective in the past with 422 at /effectiveFrom', async () => {
    expectProblem(await h.api.post('/api/rulesets', { document: topFiveThreshold75(), effectiveFrom: '2026-03-14', reason: 'r' }), 422, {
      pointer: '/effectiveFrom',
    });
    expectProblem(await h.api.post('/api/rulesets', { document: topFiveThreshold75(), effectiveFrom: '2026-02-30', reason: 'r' }), 422, {
      pointer: '/effectiveFrom',
    });
    expectProblem(await h.api.post('/api/rulesets', { document: topFiveThreshold75(), effectiveFrom: '2026-07-01' }), 422, { pointer: '/reason' });
    expect(await t.db.ruleSetVersion.count()).toBe(1);
  });

  it('adds a version from next quarter, authored by the actor and audited', async () => {
    const decided = await t.db.decision.create({
      data: {
        id: 'quarterly-2026-Q1/rural-reassignment/c01',
        countyId: testCounty,
        cycleId: 'quarterly-2026-Q1',
        type: 'sanction',
        kind: 'rural-reassignment',
        subjectType: 'community',
        subjectId: 'c01',
        officers: ['o1'],
        rule: 'last-twice-below-threshold',
        reason: 'r',
        facts: { score: 78 },
        ruleSetVersionId: 1,
      },
    });
    const res = await h.api.post('/api/rulesets', {
      document: topFiveThreshold75(),
      effectiveFrom: '2026-07-01',
      reason: 'top five rewarded; reassignment below 75',
    });
    expect(res.status).toBe(201);
    changedId = res.body.id;
    expect(res.headers.location).toBe(`/api/rulesets/${changedId}`);
    expect(res.body).toMatchObject({ author: actor, effectiveFrom: '2026-07-01', name: 'county-2026-top-five' });
    expect((await h.api.get('/api/audit?entity=RuleSetVersion')).body).toEqual([
      expect.objectContaining({ actor, action: 'create', entityId: String(changedId) }),
    ]);
    expect(await t.db.decision.findUnique({ where: { id: decided.id } })).toEqual(decided);
  });

  it('applies the change from its effective date only', async () => {
    expect((await ruleSetInForce(t.db, testCounty, '2026-06-30')).id).toBe(1);
    const q3 = await ruleSetInForce(t.db, testCounty, '2026-09-30');
    expect(q3.id).toBe(changedId);
    expect(q3.ruleSet.rules.yearEnd).toHaveLength(4);
    const listed = (await h.api.get('/api/rulesets')).body;
    expect(listed.map((v: any) => [v.id, v.inForce])).toEqual([
      [1, true],
      [changedId, false],
    ]);
    expect(today < '2026-07-01').toBe(true);
  });

  it('reads a version and diffs two by JSON pointer', async () => {
    expect((await h.api.get(`/api/rulesets/${changedId}`)).body.document.rules.yearEnd).toHaveLength(4);
    expectProblem(await h.api.get('/api/rulesets/999'), 404);
    const diff = await h.api.get(`/api/rulesets/diff?from=1&to=${changedId}`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { op: 'replace', pointer: '/name', from: 'county-default-2026', to: 'county-2026-top-five' },
        { op: 'replace', pointer: '/rules/quarterly/1/conditions/all/2/value', from: 80, to: 75 },
        expect.objectContaining({ op: 'add', pointer: '/rules/yearEnd/3' }),
      ]),
    );
    expect(diff.body.changes).toHaveLength(3);
    const missing = await h.api.get('/api/rulesets/diff?from=1');
    expectProblem(missing, 400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ parameter: 'to' })]);
    expectProblem(await h.api.get('/api/rulesets/diff?from=1&to=77'), 404);
  });
});

describe('rule sets per county', () => {
  const other = 'other-county';

  it('gives each county its own versions: the other county starts from the default, and its change stays its own', async () => {
    const staff = await h.as({ role: 'bureau-staff', countyId: other });
    const listed = (await staff.get('/api/rulesets')).body;
    expect(listed).toEqual([expect.objectContaining({ countyId: other, author: 'system', effectiveFrom: '1970-01-01', inForce: true })]);
    const theirDefault = listed[0].id;

    const doc = topFiveThreshold75();
    doc.name = 'other-county-2026';
    const created = await staff.post('/api/rulesets', { document: doc, effectiveFrom: '2026-04-01', reason: '外县规则' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ countyId: other, author: 'bureau-staff:other-county' });
    expect((await ruleSetInForce(t.db, other, '2026-06-30')).id).toBe(created.body.id);
    expect((await ruleSetInForce(t.db, testCounty, '2026-06-30')).id).toBe(1);
    expect((await staff.get('/api/rulesets')).body.map((v: any) => [v.id, v.inForce])).toEqual([
      [theirDefault, true],
      [created.body.id, false],
    ]);
    // This county sees none of it.
    const ours = (await h.api.get('/api/rulesets')).body;
    expect(ours.every((v: any) => v.countyId === testCounty)).toBe(true);
    expect(ours.map((v: any) => v.id)).not.toContain(created.body.id);
    expectProblem(await h.api.get(`/api/rulesets/${created.body.id}`), 404);
    expectProblem(await h.api.get(`/api/rulesets/diff?from=1&to=${created.body.id}`), 404);
    expectProblem(await h.api.post(`/api/rulesets/${created.body.id}/backtest`), 404);
    expectProblem(await staff.get('/api/rulesets/1'), 404);
    // Its backtest re-decides its own decided periods, of which it has none.
    const backtest = await staff.post(`/api/rulesets/${created.body.id}/backtest`);
    expect(backtest.status).toBe(200);
    expect(backtest.body).toMatchObject({ ruleSetVersion: { id: created.body.id }, periods: [], years: [] });

    const token = await t.db.accessToken.findFirstOrThrow({ where: { userId: 'bureau-staff:other-county' } });
    expect((await staff.get(`/api/audit?entity=RuleSetVersion&entityId=${created.body.id}`)).body).toEqual([
      expect.objectContaining({ actor: 'bureau-staff:other-county', role: 'bureau-staff', countyId: other, authMethod: 'token', credentialId: token.id }),
    ]);
    expect((await h.api.get(`/api/audit?entity=RuleSetVersion&entityId=${created.body.id}`)).body).toEqual([]);
  });

  it('lets a province reader read every county’s versions, each with its own in force, and write none', async () => {
    const reader = await h.as({ role: 'province-reader', countyId: null });
    const listed = (await reader.get('/api/rulesets')).body;
    expect([...new Set(listed.map((v: any) => v.countyId))]).toEqual([other, testCounty]);
    expect(listed.filter((v: any) => v.inForce).map((v: any) => v.countyId)).toEqual([other, testCounty]);
    expect((await reader.get('/api/rulesets/1')).status).toBe(200);
    expectProblem(await reader.post('/api/rulesets', { document: topFiveThreshold75(), effectiveFrom: '2026-07-01', reason: 'r' }), 403);
    expectProblem(await (await h.as({ role: 'leader', subjectId: 'L01' })).get('/api/rulesets'), 403);
    expectProblem(await (await h.as({ role: 'bureau-head' })).post('/api/rulesets/validate', loadDefaultRuleSet()), 403);
    expect((await (await h.as({ role: 'bureau-head' })).get('/api/rulesets/facts')).status).toBe(200);
  });
});

describe('rule-set documents that would exhaust a recursive check', () => {
  const nested = (levels: number) => '{"all":['.repeat(levels) + '{"fact":"isLast","operator":"equal","value":true}' + ']}'.repeat(levels);
  const withConditions = (conditions: string) => {
    const doc = loadDefaultRuleSet() as any;
    doc.rules.quarterly[0].conditions = '@@RAW@@';
    return JSON.stringify(doc).replace('"@@RAW@@"', conditions);
  };
  const post = (text: string) => h.api.post('/api/rulesets').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send(text);

  it.each([5000, 100_000])('refuses %i levels of nesting with 422 naming the depth limit, storing nothing', async (levels) => {
    const before = await counts(t.db);
    const versions = await t.db.ruleSetVersion.count();
    const res = await post(`{"effectiveFrom":"2026-07-01","reason":"deep","document":${withConditions(nested(levels))}}`);
    expectProblem(res, 422, { pointer: '/document/rules/quarterly/0/conditions' + '/all/0'.repeat(14) });
    expect(res.body.errors[0].message).toBe('nested deeper than 32 levels');
    expect(await t.db.ruleSetVersion.count()).toBe(versions);
    expect(await counts(t.db)).toEqual(before);
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses a rule named %s with 422 at its name', async (name) => {
    const doc = loadDefaultRuleSet() as any;
    doc.rules.quarterly[0].name = name;
    const res = await h.api.post('/api/rulesets', { document: doc, effectiveFrom: '2026-07-01', reason: 'r' });
    expectProblem(res, 422, { pointer: '/document/rules/quarterly/0/name' });
    expect(res.body.errors[0].message).toMatch(/object internal/);
  });

  it('refuses a fact named __proto__ with 422 at the fact', async () => {
    const doc = loadDefaultRuleSet() as any;
    doc.rules.quarterly[1].conditions.all[2].fact = '__proto__';
    const res = await h.api.post('/api/rulesets/validate', doc);
    expectProblem(res, 422, { pointer: '/rules/quarterly/1/conditions/all/2/fact' });
    expect(res.body.errors[0].message).toMatch(/object internal/);
  });
});

// Counties in the database: the demo seed's county, empty counties added by hand, synthetic
// counties for benchmarks, and the counties command that makes them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { countiesCommand, UsageError } from '../../src/counties/command.js';
import { CountyError, createCounty, listCounties, seedSyntheticCounties, syntheticRegistry } from '../../src/db/counties.js';
import { demoOfficers, demoStations } from '../../src/db/demo-county.js';
import { ruleSetInForce } from '../../src/db/ruleSets.js';
import { seedDemoCounty } from '../../src/db/seed.js';
import { harness } from '../api/harness.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';

const dbs: TestDb[] = [];
async function fresh(name: string) {
  const t = await freshSqlite(name);
  dbs.push(t);
  return t;
}
afterAll(async () => {
  for (const t of dbs) await t.drop();
});

/** Rows of every county-owned table, by county. */
async function countyCounts(t: TestDb, countyId: string) {
  const where = { countyId };
  const { db } = t;
  return {
    stations: await db.station.count({ where }),
    communities: await db.community.count({ where }),
    officers: await db.officer.count({ where }),
    leaders: await db.leader.count({ where }),
    departments: await db.department.count({ where }),
    bindings: await db.binding.count({ where }),
    ruleSets: await db.ruleSetVersion.count({ where }),
  };
}

/** The departments a county's rule set in force names as the sources of its figures. */
async function sourcesOf(t: TestDb, countyId: string): Promise<string[]> {
  const { ruleSet } = await ruleSetInForce(t.db, countyId, '2026-12-31');
  return [...new Set(Object.values(ruleSet.scoring.metrics).map((m) => m!.source))].sort();
}

describe('the demo seed', () => {
  it('creates the county demo with every row in it, stations for its officers, and the bootstrap user as its bureau staff', async () => {
    const t = await fresh('counties-demo');
    const result = await seedDemoCounty(t.db, { today: '2026-02-10' });
    expect(result).toEqual({ seeded: true, token: expect.any(String) });
    expect(await t.db.county.findMany({ select: { id: true, name: true } })).toEqual([{ id: 'demo', name: '示范县公安局' }]);
    expect(await countyCounts(t, 'demo')).toEqual({ stations: 3, communities: 10, officers: 16, leaders: 10, departments: 13, bindings: 36, ruleSets: 1 });
    expect(await t.db.community.count()).toBe(10);
    expect(await t.db.posting.count()).toBe(16);
    expect(await t.db.apiUser.findUniqueOrThrow({ where: { id: 'bureau' } })).toMatchObject({ countyId: 'demo' });
    // Every officer has a station of the county, and every station has officers.
    const officers = await t.db.officer.findMany({ orderBy: { id: 'asc' } });
    expect(officers.map((o) => o.stationId)).toEqual(demoOfficers.map((o) => o.stationId));
    expect(new Set(officers.map((o) => o.stationId))).toEqual(new Set(demoStations.map((s) => s.id)));
    expect(await t.db.officer.findUniqueOrThrow({ where: { id: 'o01' } })).toMatchObject({ stationId: 'chengguan' });
    // The seed's audit rows carry the county.
    const audit = await t.db.auditEntry.findMany({ where: { actor: 'system:seed', entity: { not: 'ApiUser' } } });
    expect(audit.length).toBeGreaterThan(100);
    expect(new Set(audit.map((a) => a.countyId))).toEqual(new Set(['demo']));
    expect(await t.db.auditEntry.findFirst({ where: { entity: 'Binding' } })).toMatchObject({
      action: 'create',
      after: expect.objectContaining({ countyId: 'demo' }),
    });
  });

  it('leaves a database that already has a county alone', async () => {
    const t = await fresh('counties-demo-existing');
    await createCounty(t.db, { id: 'county-1', name: '本县公安局' });
    expect(await seedDemoCounty(t.db, { today: '2026-02-10' })).toEqual({ seeded: false });
    expect(await t.db.county.count()).toBe(1);
    expect(await t.db.community.count()).toBe(0);
    expect(await t.db.apiUser.count()).toBe(0);
  });

  it('fills a county made empty beforehand, keeping its name (as tests do)', async () => {
    const t = await fresh('counties-demo-into');
    await t.db.county.create({ data: { id: 'test-county', name: '测试县' } });
    expect(await seedDemoCounty(t.db, { today: '2026-01-01', token: 'given', county: { id: 'test-county', name: 'ignored' } })).toEqual({ seeded: true });
    expect(await t.db.county.findMany()).toEqual([expect.objectContaining({ id: 'test-county', name: '测试县' })]);
    expect(await countyCounts(t, 'test-county')).toMatchObject({ communities: 10, officers: 16, ruleSets: 1 });
    expect(await seedDemoCounty(t.db, { today: '2026-01-01', county: { id: 'test-county', name: '测试县' } })).toEqual({ seeded: false });
  });
});

describe('counties added by hand', () => {
  it('are empty but for their reporting departments and the default rule set naming them; ids are checked and never reused', async () => {
    const t = await fresh('counties-add');
    await createCounty(t.db, { id: 'fenghuang', name: '凤凰县公安局' });
    expect(await countyCounts(t, 'fenghuang')).toEqual({ stations: 0, communities: 0, officers: 0, leaders: 0, departments: 3, bindings: 0, ruleSets: 1 });
    expect(await sourcesOf(t, 'fenghuang')).toEqual(['fenghuang-renkou', 'fenghuang-zhengong', 'fenghuang-zhian']);
    expect(await t.db.auditEntry.findFirst({ where: { entity: 'County', entityId: 'fenghuang' } })).toMatchObject({ action: 'create', countyId: 'fenghuang' });
    await expect(createCounty(t.db, { id: 'fenghuang', name: 'again' })).rejects.toThrow(CountyError);
    await expect(createCounty(t.db, { id: 'Feng Huang', name: 'x' })).rejects.toThrow(CountyError);
    await expect(createCounty(t.db, { id: 'x', name: ' ' })).rejects.toThrow(CountyError);
    expect(await t.db.county.count()).toBe(1);
  });
});

describe('synthetic counties', () => {
  it('are the same on every run, with ids that never collide across counties', () => {
    expect(syntheticRegistry(2, 12)).toEqual(syntheticRegistry(2, 12));
    const a = syntheticRegistry(1, 12);
    const b = syntheticRegistry(2, 12);
    expect(a.county.id).toBe('syn-001');
    expect(a.communities.map((c) => c.id).slice(0, 2)).toEqual(['syn-001-c001', 'syn-001-c002']);
    const ids = (r: typeof a) => [...r.communities, ...r.officers, ...r.leaders, ...r.departments, ...r.stations].map((x) => x.id);
    expect(new Set([...ids(a), ...ids(b)]).size).toBe(ids(a).length + ids(b).length);
    // Every officer's station exists; sizes vary.
    expect(a.officers.every((o) => a.stations.some((s) => s.id === o.stationId))).toBe(true);
    expect(new Set(a.communities.map((c) => c.complexity)).size).toBeGreaterThan(1);
  });

  it('are seeded in batches with everything a county needs, figures from their own departments, and seeding again adds only the missing ones', async () => {
    const t = await fresh('counties-synthetic');
    // 10 counties of 25 communities: about 1,400 registry rows and as many audit rows, in batches.
    expect(await seedSyntheticCounties(t.db, 10, { communities: 25, from: '2026-01-01' })).toHaveLength(10);
    const registry = syntheticRegistry(7, 25);
    expect(await countyCounts(t, 'syn-007')).toEqual({
      stations: 5,
      communities: 25,
      officers: registry.officers.length,
      leaders: 25,
      departments: 28,
      bindings: registry.officers.length + 50,
      ruleSets: 1,
    });
    expect(await t.db.posting.count({ where: { officerId: { startsWith: 'syn-007-' } } })).toBe(registry.officers.length);
    expect(await t.db.community.findUniqueOrThrow({ where: { id: 'syn-007-c001' } })).toMatchObject({
      name: registry.communities[0]!.name,
      countyId: 'syn-007',
    });
    // Its figures come from its own reporting departments, which the default rule set names and the API accepts.
    expect(await sourcesOf(t, 'syn-007')).toEqual(['syn-007-renkou', 'syn-007-zhengong', 'syn-007-zhian']);
    const h = await harness(t.db, { now: '2026-07-02T08:00:00Z' });
    const zhengong = await h.as({ role: 'department', subjectId: 'syn-007-zhengong', countyId: 'syn-007' });
    const figures = [{ communityId: 'syn-007-c001', metric: 'satisfaction', value: 0.9 }];
    expect((await zhengong.post('/api/metrics', { period: '2026-Q2', figures })).body).toMatchObject({ stored: 1 });
    expect(await seedSyntheticCounties(t.db, 12, { communities: 25, from: '2026-01-01' })).toEqual(['syn-011', 'syn-012']);
    expect((await listCounties(t.db)).map((c) => c.id).filter((id) => id.startsWith('syn-'))).toHaveLength(12);
  });
});

describe('on PostgreSQL', () => {
  it('seeds the demo county and synthetic counties beside it', async () => {
    const t = await freshPostgres('counties-pg');
    dbs.push(t);
    expect(await seedDemoCounty(t.db, { today: '2026-01-05', token: 'bureau-token' })).toEqual({ seeded: true });
    expect(await seedSyntheticCounties(t.db, 2, { communities: 6, from: '2026-01-01' })).toEqual(['syn-001', 'syn-002']);
    expect(await countyCounts(t, 'demo')).toEqual({ stations: 3, communities: 10, officers: 16, leaders: 10, departments: 13, bindings: 36, ruleSets: 1 });
    expect(await countyCounts(t, 'syn-002')).toMatchObject({ stations: 2, communities: 6, officers: 8, leaders: 6, departments: 9, bindings: 20, ruleSets: 1 });
    expect((await listCounties(t.db)).map((c) => `${c.id}:${c.communities}`)).toEqual(['demo:10', 'syn-001:6', 'syn-002:6']);
  });
});

describe('npm run counties', () => {
  it('adds, seeds and lists counties', async () => {
    const t = await fresh('counties-command');
    const out: string[] = [];
    const run = (...args: string[]) => countiesCommand(args, { databaseUrl: t.url, today: '2026-03-01', out: (l) => out.push(l) });
    await run('add', 'fenghuang', '凤凰县公安局');
    expect(out.join('\n')).toMatch(/npm run accounts -- invite --county fenghuang --role bureau-staff/);
    expect(out.join('\n')).toMatch(/Schedules .* next starts/);
    out.length = 0;
    await run('synthetic', '2', '--communities', '3');
    expect(out[0]).toMatch(/^Seeded 2 synthetic counties of 3 communities \(syn-001 … syn-002\)/);
    out.length = 0;
    await run('list');
    expect(out).toEqual([
      expect.stringMatching(/^fenghuang\t凤凰县公安局\t0 communities\t0 officers\t0 users$/),
      expect.stringMatching(/^syn-001\t.*\t3 communities\t4 officers\t0 users$/),
      expect.stringMatching(/^syn-002\t/),
    ]);
    await expect(run('add', 'fenghuang', 'again')).rejects.toThrow(CountyError);
    await expect(run('add', 'Bad Id', 'x')).rejects.toThrow(UsageError);
    await expect(run('synthetic', '0')).rejects.toThrow(UsageError);
    await expect(run('list', '--communities', '3')).rejects.toThrow(UsageError);
    await expect(run('remove', 'x')).rejects.toThrow(UsageError);
  });

  it('runs as a script, exiting 2 on a mistake', async () => {
    const t = await fresh('counties-script');
    const exec = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: t.url };
    const added = await exec('npx', ['tsx', 'src/counties/cli.ts', 'add', 'xiangxi', '湘西县公安局'], { env });
    expect(added.stdout).toMatch(/County xiangxi/);
    const failed = await exec('npx', ['tsx', 'src/counties/cli.ts', 'add', 'xiangxi', 'again'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringMatching(/county xiangxi already exists/) });
  }, 60_000);
});

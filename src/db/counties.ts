// Counties: one county public-security bureau is the unit of ranking, subsidy pool, rule sets,
// Schedules and cycles. This module writes a county and its registry (the demo seed's and the
// synthetic benchmark counties' alike), creates empty ones for `npm run counties -- add`, and
// lists them. Registry rows go in with batch inserts, each table's audit rows in one statement.
import { actorIn, auditedMany, type AuditActor, type Tx } from './audit.js';
import type { Db } from './client.js';
import { ensureDefaultRuleSet } from './ruleSets.js';
import { demoSourceDepartments } from './demo-county.js';

export interface CountyRecord {
  id: string;
  name: string;
}

export interface RegistryCommunity {
  id: string;
  name: string;
  population: number;
  complexity: number;
  area?: 'urban' | 'rural';
  /** Bound, and posted, from the seed's date. */
  officers: string[];
  leader: string;
  department: string;
}

/** A county with everything the seed writes into it. Ids are unique across the province. */
export interface CountyRegistry {
  county: CountyRecord;
  stations: { id: string; name: string }[];
  communities: RegistryCommunity[];
  officers: { id: string; name: string; stationId?: string | null }[];
  leaders: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

/** County ids appear in Schedule, workflow and cycle ids: short, lower-case, no separators but '-'. */
export const countyIdPattern = /^[a-z0-9][a-z0-9-]{0,39}$/;

export class CountyError extends Error {}

/** The seed's system actor, in the county it writes. */
export const seedActor = (countyId: string): AuditActor => actorIn('system:seed', countyId);

// SQLite binds at most 32766 parameters a statement; the widest rows here have fewer than ten.
const chunk = 1000;

async function insertAll<T extends { id: string | number }>(
  entity: string,
  rows: object[],
  write: (data: object[]) => Promise<T[]>,
  tx: Tx,
  actor: AuditActor,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const written = await write(rows.slice(i, i + chunk));
    await auditedMany(
      tx,
      actor,
      written.map((row) => ({ action: 'create', entity, entityId: row.id, after: row })),
    );
  }
}

/**
 * Writes the county, its stations, communities, people, bindings and postings (all from `from`)
 * and its default rule set, inside the caller's transaction.
 */
export async function insertCountyRegistry(tx: Tx, registry: CountyRegistry, from: string, actor: AuditActor = seedActor(registry.county.id)): Promise<void> {
  const countyId = registry.county.id;
  // A county made empty beforehand (a test's, or one added by hand) is filled, keeping its name.
  if (!(await tx.county.findUnique({ where: { id: countyId } }))) {
    const county = await tx.county.create({ data: registry.county });
    await auditedMany(tx, actor, [{ action: 'create', entity: 'County', entityId: county.id, after: county }]);
  }
  const inCounty = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, countyId }));
  await insertAll('Station', inCounty(registry.stations), (data) => tx.station.createManyAndReturn({ data: data as never }), tx, actor);
  await insertAll(
    'Community',
    inCounty(registry.communities.map(({ id, name, population, complexity, area }) => ({ id, name, population, complexity, area: area ?? 'urban' }))),
    (data) => tx.community.createManyAndReturn({ data: data as never }),
    tx,
    actor,
  );
  await insertAll('Officer', inCounty(registry.officers), (data) => tx.officer.createManyAndReturn({ data: data as never }), tx, actor);
  await insertAll('Leader', inCounty(registry.leaders), (data) => tx.leader.createManyAndReturn({ data: data as never }), tx, actor);
  await insertAll('Department', inCounty(registry.departments), (data) => tx.department.createManyAndReturn({ data: data as never }), tx, actor);
  // After the departments: the default names the county's own reporting departments.
  await ensureDefaultRuleSet(tx, countyId);
  const bindings = registry.communities.flatMap((c) =>
    [...c.officers.map((id) => ['officer', id] as const), ['leader', c.leader] as const, ['department', c.department] as const].map(
      ([subjectType, subjectId]) => ({
        countyId,
        communityId: c.id,
        subjectType,
        subjectId,
        effectiveFrom: from,
      }),
    ),
  );
  await insertAll('Binding', bindings, (data) => tx.binding.createManyAndReturn({ data: data as never }), tx, actor);
  const postings = registry.communities.flatMap((c) =>
    c.officers.map((officerId) => ({ officerId, communityId: c.id, kind: 'community', startsOn: from, reason: 'seeded county' })),
  );
  await insertAll('Posting', postings, (data) => tx.posting.createManyAndReturn({ data: data as never }), tx, actor);
}

/** The departments that report a county's figures, as its default rule set names them (`<county>-zhengong` …). */
export function reportingDepartments(countyId: string) {
  return demoSourceDepartments.map((d) => ({ id: `${countyId}-${d.id}`, name: d.name }));
}

/**
 * An empty county with its reporting departments and its default rule set, which names them, for
 * `npm run counties -- add`.
 */
export async function createCounty(db: Db, county: CountyRecord, actor: AuditActor = actorIn('system:counties', county.id)): Promise<void> {
  if (!countyIdPattern.test(county.id)) throw new CountyError(`county id ${JSON.stringify(county.id)}: lower-case letters, digits and '-', at most 40`);
  if (!county.name.trim()) throw new CountyError('a county needs a name');
  const registry: CountyRegistry = { county, stations: [], communities: [], officers: [], leaders: [], departments: reportingDepartments(county.id) };
  await db.$transaction(async (tx) => {
    if (await tx.county.findUnique({ where: { id: county.id } })) throw new CountyError(`county ${county.id} already exists`);
    // No communities, so no bindings or postings and no date they start from.
    await insertCountyRegistry(tx, registry, '', actor);
  });
}

export interface CountySummary extends CountyRecord {
  communities: number;
  officers: number;
  users: number;
}

export async function listCounties(db: Db): Promise<CountySummary[]> {
  const counties = await db.county.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } });
  const summaries: CountySummary[] = [];
  for (const c of counties) {
    const where = { countyId: c.id };
    const [communities, officers, users] = await Promise.all([db.community.count({ where }), db.officer.count({ where }), db.user.count({ where })]);
    summaries.push({ ...c, communities, officers, users });
  }
  return summaries;
}

/** The ids of every county, in order: the Schedules are registered for each. */
export async function countyIds(db: Db): Promise<string[]> {
  return (await db.county.findMany({ orderBy: { id: 'asc' }, select: { id: true } })).map((c) => c.id);
}

// Synthetic counties for benchmarks: deterministic names, sizes and ids from the county's number.

const syllables = [
  '江',
  '山',
  '河',
  '平',
  '安',
  '宁',
  '兴',
  '和',
  '清',
  '泉',
  '石',
  '桥',
  '湖',
  '阳',
  '云',
  '溪',
  '林',
  '东',
  '西',
  '南',
  '北',
  '新',
  '城',
  '乡',
];
const name2 = (n: number) => syllables[n % syllables.length]! + syllables[Math.floor(n / syllables.length) % syllables.length]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const syntheticCountyId = (n: number) => `syn-${pad(n, 3)}`;

/**
 * The n-th synthetic county (1-based): `communities` communities, one or two officers each (every
 * third office is a two-officer team), one leader and one liaison department per community, the
 * three figure-reporting departments, a station per five communities. Ids are prefixed with the
 * county id, so they never collide with another county's.
 */
export function syntheticRegistry(n: number, communities = 10): CountyRegistry {
  const id = syntheticCountyId(n);
  const w = Math.max(3, String(communities).length);
  const stationOf = (i: number) => `${id}-s${pad(Math.floor(i / 5) + 1, w)}`;
  const offices = Array.from({ length: communities }, (_, i): RegistryCommunity => {
    const k = pad(i + 1, w);
    // A fixed, spread-out mix of sizes and complexities, the same on every run.
    const mix = (n * 7919 + i * 104729) % 9973;
    return {
      id: `${id}-c${k}`,
      name: `${name2(n * 31 + i)}社区`,
      population: 3000 + (mix % 26) * 1000,
      complexity: 1 + (mix % 5),
      area: mix % 4 === 0 ? 'rural' : 'urban',
      officers: i % 3 === 0 ? [`${id}-o${k}a`, `${id}-o${k}b`] : [`${id}-o${k}a`],
      leader: `${id}-L${k}`,
      department: `${id}-D${k}`,
    };
  });
  return {
    county: { id, name: `${name2(n)}县公安局（合成${pad(n, 3)}）` },
    stations: Array.from({ length: Math.ceil(communities / 5) }, (_, s) => ({ id: stationOf(s * 5), name: `${name2(n + s + 1)}派出所` })),
    communities: offices,
    officers: offices.flatMap((c, i) => c.officers.map((o, j) => ({ id: o, name: `民警${pad(i + 1, w)}${j ? '乙' : '甲'}`, stationId: stationOf(i) }))),
    leaders: offices.map((c, i) => ({ id: c.leader, name: `局领导${pad(i + 1, w)}` })),
    departments: [...offices.map((c, i) => ({ id: c.department, name: `联系部门${pad(i + 1, w)}` })), ...reportingDepartments(id)],
  };
}

/** Seeds synthetic counties 1..n that do not exist yet; returns the ids it created. */
export async function seedSyntheticCounties(db: Db, count: number, options: { communities?: number; from: string }): Promise<string[]> {
  const existing = new Set(await countyIds(db));
  const created: string[] = [];
  for (let n = 1; n <= count; n++) {
    const registry = syntheticRegistry(n, options.communities);
    if (existing.has(registry.county.id)) continue;
    await db.$transaction((tx) => insertCountyRegistry(tx, registry, options.from), { timeout: 120_000 });
    created.push(registry.county.id);
  }
  return created;
}

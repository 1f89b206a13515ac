// Seeds the demo county into an empty database, once: a database that already has
// communities is the bureau's own and is left alone.
import { randomBytes } from 'node:crypto';
import { insertApiUser } from './api-users.js';
import { audited, type Tx } from './audit.js';
import type { Db } from './client.js';
import { bureauUser, demoCommunities, demoLeaders, demoLiaisonDepartments, demoOfficers, demoSourceDepartments, type DemoCommunity } from './demo-county.js';

const actor = 'system:seed';

export interface SeedResult {
  seeded: boolean;
  /** The bureau's API token, only when this call generated it. */
  token?: string;
}

/** Stopgap of the people branch (h-counties owns the seed): `countyId` names the county seeded. */
export async function seedDemoCounty(db: Db, options: { today: string; token?: string; countyId?: string }): Promise<SeedResult> {
  const countyId = options.countyId ?? 'county-1';
  if ((await db.community.count()) > 0) return { seeded: false };
  const from = `${options.today.slice(0, 4)}-01-01`;
  const token = options.token ?? randomBytes(24).toString('base64url');
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        // Checked again inside the transaction: another process may have seeded meanwhile.
        if ((await tx.community.count()) > 0) return 'already';
        await tx.county.upsert({ where: { id: countyId }, create: { id: countyId, name: `${countyId} 公安局` }, update: {} });
        await seedCounty(tx, from, countyId);
        if (await tx.apiUser.findUnique({ where: { id: bureauUser.id } })) return 'seeded';
        await insertApiUser(tx, { ...bureauUser, token, countyId }, actor);
        return 'seeded-with-user';
      },
      { timeout: 60_000 },
    );
    if (outcome === 'already') return { seeded: false };
    return outcome === 'seeded-with-user' && !options.token ? { seeded: true, token } : { seeded: true };
  } catch (err) {
    // Two processes seeding at once on PostgreSQL: the loser's rows collide and roll back.
    if ((err as { code?: string }).code === 'P2002') return { seeded: false };
    throw err;
  }
}

async function seedCounty(tx: Tx, from: string, countyId: string): Promise<void> {
  const create = async <T extends { id: string | number }>(entity: string, write: Promise<T>) => {
    const row = await write;
    await audited(tx, actor, { action: 'create', entity, entityId: row.id, after: row });
  };
  for (const { id, name, population, complexity } of demoCommunities) {
    await create('Community', tx.community.create({ data: { id, name, population, complexity, countyId } }));
  }
  for (const data of demoOfficers) await create('Officer', tx.officer.create({ data: { ...data, countyId } }));
  for (const data of demoLeaders) await create('Leader', tx.leader.create({ data: { ...data, countyId } }));
  for (const data of [...demoLiaisonDepartments, ...demoSourceDepartments]) await create('Department', tx.department.create({ data: { ...data, countyId } }));
  for (const c of demoCommunities) {
    for (const [subjectType, subjectId] of subjectsOf(c)) {
      await create('Binding', tx.binding.create({ data: { countyId, communityId: c.id, subjectType, subjectId, effectiveFrom: from } }));
    }
    for (const officerId of c.officers) {
      await create('Posting', tx.posting.create({ data: { officerId, communityId: c.id, kind: 'community', startsOn: from, reason: 'demo county' } }));
    }
  }
}

function subjectsOf(c: DemoCommunity): [string, string][] {
  return [...c.officers.map((id): [string, string] => ['officer', id]), ['leader', c.leader], ['department', c.department]];
}

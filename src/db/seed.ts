// Seeds the demo county into an empty database, once: a database that already has communities
// or counties is the province's own and is left alone (one upgraded from before counties has
// its county `county-1`).
import { randomBytes } from 'node:crypto';
import { insertApiUser } from './api-users.js';
import type { Db } from './client.js';
import { insertCountyRegistry, seedActor, type CountyRecord } from './counties.js';
import { bureauUser, demoCountyRecord, demoRegistry } from './demo-county.js';

export interface SeedResult {
  seeded: boolean;
  /** The bureau's API token, only when this call generated it. */
  token?: string;
}

export interface SeedOptions {
  /** Bindings and postings start on 1 January of this date's year. */
  today: string;
  /** The bootstrap token to use instead of a generated one. */
  token?: string;
  /** The county to seed the demo registry into; `demo` (示范县公安局) unless given. */
  county?: CountyRecord;
}

/**
 * Seeds when no community and no other county exists. The county itself may exist already
 * (empty): tests make their county first and then seed it.
 */
export async function seedDemoCounty(db: Db, options: SeedOptions): Promise<SeedResult> {
  const county = options.county ?? demoCountyRecord;
  const from = `${options.today.slice(0, 4)}-01-01`;
  const token = options.token ?? randomBytes(24).toString('base64url');
  const untouched = async (tx: Pick<Db, 'community' | 'county'>) =>
    (await tx.community.count()) === 0 && (await tx.county.count({ where: { id: { not: county.id } } })) === 0;
  if (!(await untouched(db))) return { seeded: false };
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        // Checked again inside the transaction: another process may have seeded meanwhile.
        if (!(await untouched(tx))) return 'already';
        await insertCountyRegistry(tx, demoRegistry(county), from, seedActor(county.id));
        if (await tx.apiUser.findUnique({ where: { id: bureauUser.id } })) return 'seeded';
        await insertApiUser(tx, { ...bureauUser, token, countyId: county.id }, 'system:seed');
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

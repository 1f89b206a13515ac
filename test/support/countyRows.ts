// Registry rows of a county written straight to the database, for tests of routes that read or
// check them (the registry routes have their own tests).
import type { Db } from '../../src/db/client.js';
import { ensureCounty, testCounty } from './users.js';

export async function addCommunity(db: Db, c: { id: string; name?: string; population?: number; complexity?: number }, countyId = testCounty) {
  await ensureCounty(db, countyId);
  await db.community.create({ data: { countyId, name: c.name ?? c.id, population: c.population ?? 10_000, complexity: c.complexity ?? 1, id: c.id } });
}

export async function addDepartment(db: Db, id: string, countyId = testCounty) {
  await ensureCounty(db, countyId);
  await db.department.create({ data: { id, countyId, name: id } });
}

/** An officer bound to a community from `from` (to `to`, if given). */
export async function addOfficer(db: Db, id: string, communityId: string, from = '2026-01-01', to: string | null = null, countyId = testCounty) {
  await ensureCounty(db, countyId);
  await db.officer.create({ data: { id, countyId, name: `民警${id}` } });
  await db.binding.create({ data: { countyId, communityId, subjectType: 'officer', subjectId: id, effectiveFrom: from, effectiveTo: to } });
}

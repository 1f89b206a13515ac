// Counties for the workflow tests, seeded straight in the database: the demo county's registry
// (src/db/demo-county.ts) in a county of the test's choosing, its ids prefixed for a second
// county (registry ids are unique across the province). Independent of the demo seed, whose
// county the service chooses.
import type { Db } from '../../src/db/client.js';
import { demoCommunities, demoLeaders, demoLiaisonDepartments, demoOfficers, demoSourceDepartments } from '../../src/db/demo-county.js';

/** The county workflows started before counties (and launchers of old Schedules) work in. */
export const firstCounty = { id: 'county-1', name: '示范县公安局' };

export interface TestCounty {
  countyId: string;
  name?: string;
  /** Bindings and postings start on 1 January of this day's year. */
  today: string;
  /** Put before every registry id (`b-` makes c01 b-c01); none for the first county. */
  prefix?: string;
}

/** The county and its ten communities with their officers, leaders and departments bound; returns the community ids. */
export async function seedTestCounty(db: Db, { countyId, name = `${countyId} 公安局`, today, prefix = '' }: TestCounty): Promise<string[]> {
  const from = `${today.slice(0, 4)}-01-01`;
  const id = (x: string) => `${prefix}${x}`;
  await db.county.upsert({ where: { id: countyId }, create: { id: countyId, name }, update: {} });
  await db.community.createMany({
    data: demoCommunities.map((c) => ({
      id: id(c.id),
      countyId,
      name: `${c.name}${prefix ? `(${countyId})` : ''}`,
      population: c.population,
      complexity: c.complexity,
    })),
  });
  await db.officer.createMany({ data: demoOfficers.map((o) => ({ ...o, id: id(o.id), countyId })) });
  await db.leader.createMany({ data: demoLeaders.map((l) => ({ ...l, id: id(l.id), countyId })) });
  await db.department.createMany({ data: [...demoLiaisonDepartments, ...demoSourceDepartments].map((d) => ({ ...d, id: id(d.id), countyId })) });
  for (const c of demoCommunities) {
    const subjects: [string, string][] = [...c.officers.map((o): [string, string] => ['officer', o]), ['leader', c.leader], ['department', c.department]];
    await db.binding.createMany({
      data: subjects.map(([subjectType, s]) => ({ countyId, communityId: id(c.id), subjectType, subjectId: id(s), effectiveFrom: from })),
    });
    await db.posting.createMany({
      data: c.officers.map((o) => ({ officerId: id(o), communityId: id(c.id), kind: 'community', startsOn: from, reason: 'test county' })),
    });
  }
  return demoCommunities.map((c) => id(c.id));
}

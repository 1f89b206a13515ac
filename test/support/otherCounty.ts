// A second county beside the test county: one community with its officer, leader, department and
// station, bound from the start of 2026, for tests that another county's objects answer 404.
import type { Db } from '../../src/db/client.js';
import { ensureCounty } from './users.js';

export const otherCounty = {
  id: 'other-county',
  communityId: 'x01',
  officerId: 'xo1',
  leaderId: 'XL1',
  departmentId: 'XD1',
  stationId: 'xstation',
} as const;

export async function seedOtherCounty(db: Db): Promise<typeof otherCounty> {
  const { id: countyId, communityId, officerId, leaderId, departmentId, stationId } = otherCounty;
  if (await db.community.findUnique({ where: { id: communityId } })) return otherCounty;
  await ensureCounty(db, countyId);
  await db.station.create({ data: { id: stationId, countyId, name: '外县派出所' } });
  await db.community.create({ data: { id: communityId, countyId, name: '外县社区', population: 5000, complexity: 3 } });
  await db.officer.create({ data: { id: officerId, countyId, stationId, name: '外县民警' } });
  await db.leader.create({ data: { id: leaderId, countyId, name: '外县局领导' } });
  await db.department.create({ data: { id: departmentId, countyId, name: '外县部门' } });
  for (const [subjectType, subjectId] of [
    ['officer', officerId],
    ['leader', leaderId],
    ['department', departmentId],
  ]) {
    await db.binding.create({ data: { countyId, communityId, subjectType: subjectType!, subjectId: subjectId!, effectiveFrom: '2026-01-01' } });
  }
  return otherCounty;
}

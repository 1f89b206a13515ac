// A county as it stood on one day: communities with the officers, leader and department
// bound to them then. Cycles judge the county as it was at the end of their period.
import type { Office } from '../core/types.js';
import { boundOn } from './bindings.js';
import type { Db } from './client.js';

/** The offices of one county on `date`. */
export async function officesOn(db: Db, date: string, countyId: string): Promise<Office[]> {
  const communities = await db.community.findMany({
    where: { countyId },
    orderBy: { id: 'asc' },
    include: {
      bindings: {
        where: boundOn(date),
        orderBy: { subjectId: 'asc' },
      },
    },
  });
  return communities
    .map((c) => {
      const of = (type: string) => c.bindings.filter((b) => b.subjectType === type).map((b) => b.subjectId);
      return {
        id: c.id,
        name: c.name,
        population: c.population,
        complexity: c.complexity,
        officers: of('officer'),
        leader: of('leader')[0],
        department: of('department')[0],
      };
    })
    .filter((o) => o.officers.length > 0);
}

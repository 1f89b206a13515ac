// Decides the demo county's quarters with the real activities, from figures rotated per quarter
// so that places move (the same rotation twice keeps one office last twice running). The cycles
// are the county's, with their ids as the cycle workflows name them (quarterly-2026-Q1-<county>).
import type { createActivities } from '../../src/activities/index.js';
import { cycleId } from '../../src/contracts/cycles.js';
import type { Db } from '../../src/db/client.js';
import { submitDemoFigures } from './figures.js';

export async function decideQuarters(db: Db, activities: ReturnType<typeof createActivities>, year: number, shifts: number[]) {
  const communities = await db.community.findMany({ orderBy: { id: 'asc' } });
  const counties = [...new Set(communities.map((c) => c.countyId))];
  if (counties.length !== 1) throw new Error(`decideQuarters decides one county's quarters; the database holds ${counties.join(', ')}`);
  const countyId = counties[0]!;
  const ids = communities.map((c) => c.id);
  for (const [i, shift] of shifts.entries()) {
    const period = `${year}-Q${i + 1}`;
    const id = cycleId('quarterly', period, countyId);
    await submitDemoFigures(db, period, [...ids.slice(shift), ...ids.slice(0, shift)]);
    await activities.openCycle({ cycleId: id, period, countyId });
    await activities.decideAndPersist({ cycleId: id, gaps: [] });
  }
}

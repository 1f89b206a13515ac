// Decides the demo county's quarters with the real activities, from figures rotated per quarter
// so that places move (the same rotation twice keeps one office last twice running).
import type { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { submitDemoFigures } from './figures.js';

export async function decideQuarters(db: Db, activities: ReturnType<typeof createActivities>, year: number, shifts: number[]) {
  const ids = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  for (const [i, shift] of shifts.entries()) {
    const period = `${year}-Q${i + 1}`;
    await submitDemoFigures(db, period, [...ids.slice(shift), ...ids.slice(0, shift)]);
    await activities.openCycle({ cycleId: `quarterly-${period}`, period });
    await activities.decideAndPersist({ cycleId: `quarterly-${period}`, gaps: [] });
  }
}

// Which communities a bound subject (officer, leader, department) belonged to on a day.
import type { Tx } from '../db/audit.js';

export async function communitiesOn(tx: Tx, subjectType: string, subjectId: string, date: string): Promise<string[]> {
  const rows = await tx.binding.findMany({
    where: { subjectType, subjectId, effectiveFrom: { lte: date }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: date } }] },
    select: { communityId: true },
  });
  return rows.map((r) => r.communityId);
}

// Bindings in force on a day: a span includes both its ends, and an open span (no effectiveTo)
// runs on indefinitely. Every read of "who was bound on a date" uses boundOn.
import type { Prisma } from '../generated/sqlite/index.js';
import type { Tx } from './audit.js';

/** The filter for a binding in force on `date` (YYYY-MM-DD). */
export function boundOn(date: string) {
  return { effectiveFrom: { lte: date }, OR: [{ effectiveTo: null }, { effectiveTo: { gte: date } }] } satisfies Prisma.BindingWhereInput;
}

/** Which communities a bound subject (officer, leader, department) belonged to on a day. */
export async function communitiesOn(tx: Tx, subjectType: string, subjectId: string, date: string): Promise<string[]> {
  const rows = await tx.binding.findMany({
    where: { subjectType, subjectId, ...boundOn(date) },
    select: { communityId: true },
  });
  return rows.map((r) => r.communityId);
}

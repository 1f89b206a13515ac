/**
 * Competition ranking (1, 2, 2, 4): score descending; equal scores share a rank, and every office
 * holding the lowest rank is last — when all tie, all are last, as the report's rule reads.
 * Ties are listed by community id so that the same figures always print the same order.
 */
export function rankOffices<T extends { community: string; score: number }>(scored: readonly T[]): (T & { rank: number; isLast: boolean })[] {
  const sorted = [...scored].sort((a, b) => b.score - a.score || (a.community < b.community ? -1 : a.community > b.community ? 1 : 0));
  const ranks: number[] = [];
  sorted.forEach((office, i) => {
    ranks.push(i > 0 && office.score === sorted[i - 1]!.score ? ranks[i - 1]! : i + 1);
  });
  const lowest = ranks.length ? ranks[ranks.length - 1]! : 0;
  return sorted.map((office, i) => ({ ...office, rank: ranks[i]!, isLast: ranks[i] === lowest }));
}

/**
 * 1 + the number of offices with a strictly lower score, so the last office is 1 from the bottom.
 * In a competition ranking the `sharing` offices of rank r fill places r … r + sharing − 1.
 */
export function rankFromBottom(rank: number, sharing: number, total: number): number {
  return total - (rank + sharing - 1) + 1;
}

/** How many offices share each rank, to tell a shared rank from a sole one. */
export function rankCounts(ranked: readonly { rank: number }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { rank } of ranked) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  return counts;
}

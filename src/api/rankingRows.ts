// What a ranking table shows beside each evaluation, so one page of GET /api/evaluations is a
// page of the table: the office's name, whether its rank is shared (并列) with another office of
// the cycle, and the standing decisions of its cycle about it — its sanctions and the subsidies
// of the officers bound to it at the end of the period (a team shares its result), in yuan.
import { parsePeriod, periodEnd } from '../core/calendar.js';
import { fromFen } from '../core/money.js';
import { boundOn } from '../db/bindings.js';
import type { Tx } from '../db/audit.js';

interface EvaluationRow {
  cycleId: string;
  period: string;
  communityId: string;
  rank: number;
}

/** The last day of a period the officers' bindings are read on; null for a period that is not one. */
function endOf(period: string): string | null {
  try {
    return periodEnd(parsePeriod(period));
  } catch {
    return null;
  }
}

export async function withOutcome<T extends EvaluationRow>(tx: Tx, rows: T[]) {
  const communityIds = [...new Set(rows.map((r) => r.communityId))];
  const cycleIds = [...new Set(rows.map((r) => r.cycleId))];
  const [communities, ranks, decisions] = await Promise.all([
    tx.community.findMany({ where: { id: { in: communityIds } }, select: { id: true, name: true } }),
    tx.evaluation.groupBy({ by: ['cycleId', 'rank'], where: { cycleId: { in: cycleIds }, supersededAt: null }, _count: { _all: true } }),
    tx.decision.findMany({
      where: { cycleId: { in: cycleIds }, supersededAt: null, OR: [{ subjectType: 'community', subjectId: { in: communityIds } }, { type: 'subsidy' }] },
      select: { id: true, cycleId: true, type: true, kind: true, subjectType: true, subjectId: true, amountFen: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  // Which office each officer was bound to at the end of each period on the page.
  const officeOf = new Map<string, string>();
  for (const period of new Set(rows.map((r) => r.period))) {
    const end = endOf(period);
    if (!end) continue;
    const bindings = await tx.binding.findMany({
      where: { subjectType: 'officer', communityId: { in: communityIds }, ...boundOn(end) },
      select: { subjectId: true, communityId: true },
    });
    for (const b of bindings) officeOf.set(`${period}/${b.subjectId}`, b.communityId);
  }
  const name = new Map(communities.map((c) => [c.id, c.name]));
  const shared = new Set(ranks.filter((r) => r._count._all > 1).map((r) => `${r.cycleId}/${r.rank}`));
  return rows.map((row) => {
    const about = decisions
      .filter((d) => d.cycleId === row.cycleId)
      .filter((d) => (d.subjectType === 'community' ? d.subjectId === row.communityId : officeOf.get(`${row.period}/${d.subjectId}`) === row.communityId));
    const subsidies = about.filter((d) => d.type === 'subsidy');
    return {
      ...row,
      communityName: name.get(row.communityId) ?? row.communityId,
      sharedRank: shared.has(`${row.cycleId}/${row.rank}`),
      decisions: about.map(({ id, type, kind, subjectId, amountFen }) => ({
        id,
        type,
        kind,
        subjectId,
        amount: amountFen === null ? null : fromFen(amountFen),
      })),
      subsidy: subsidies.length ? fromFen(subsidies.reduce((sum, d) => sum + (d.amountFen ?? 0), 0)) : null,
    };
  });
}

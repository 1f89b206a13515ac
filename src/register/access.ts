// Who may read and keep a community's register ("谁搜集、谁填报"): the community's own officer and
// their police station keep it; the population brigade — the department that supplies the
// registration metric under the county's rule set in force today — reads every community's. Nobody
// else sees personal data: the bureau sees counts (the backlog, the derived rates' breakdowns).
// A community outside the caller's reach answers 404, as if it did not exist.
import type { Response } from 'express';
import { boundOn } from '../db/bindings.js';
import { ruleSetInForce } from '../db/ruleSets.js';
import type { Ctx } from '../api/context.js';
import { principalOf } from '../api/access/principal.js';
import { Problem } from '../api/problem.js';

/** The communities whose register the caller reaches: every one of their county, or these. */
export type RegisterReach = { countyId: string; communities: 'all' | string[]; keeps: boolean };

/** The department that reads the county's register: the registration metric's source. */
export async function populationBrigade(ctx: Ctx, countyId: string): Promise<string | undefined> {
  const { ruleSet } = await ruleSetInForce(ctx.db, countyId, ctx.today());
  return ruleSet.scoring.metrics.registration?.source ?? ruleSet.scoring.metrics.keyPersonControl?.source;
}

/** The caller's reach in the register; `keeps`: they may also write (officers and stations). */
export async function registerReachOf(ctx: Ctx, res: Response): Promise<RegisterReach> {
  const p = principalOf(res);
  const none = { countyId: p.countyId ?? '', communities: [] as string[], keeps: false };
  if (p.countyId === null || !p.subjectId) return none;
  const today = ctx.today();
  switch (p.role) {
    case 'officer': {
      const rows = await ctx.db.binding.findMany({
        where: { countyId: p.countyId, subjectType: 'officer', subjectId: p.subjectId, ...boundOn(today) },
        select: { communityId: true },
      });
      return { countyId: p.countyId, communities: rows.map((r) => r.communityId), keeps: true };
    }
    case 'station': {
      const officers = await ctx.db.officer.findMany({ where: { countyId: p.countyId, stationId: p.subjectId }, select: { id: true } });
      const rows = await ctx.db.binding.findMany({
        where: { countyId: p.countyId, subjectType: 'officer', subjectId: { in: officers.map((o) => o.id) }, ...boundOn(today) },
        select: { communityId: true },
        distinct: ['communityId'],
      });
      return { countyId: p.countyId, communities: rows.map((r) => r.communityId), keeps: true };
    }
    case 'department':
      return (await populationBrigade(ctx, p.countyId)) === p.subjectId ? { countyId: p.countyId, communities: 'all', keeps: false } : none;
    default:
      return none;
  }
}

/** A Prisma `where` fragment limiting register rows (with countyId and communityId) to the caller's reach. */
export function registerScope(reach: RegisterReach): { countyId: string; communityId?: { in: string[] } } {
  return reach.communities === 'all' ? { countyId: reach.countyId } : { countyId: reach.countyId, communityId: { in: reach.communities } };
}

/** The community, when the caller reaches its register (and, with `write`, keeps it); 404 otherwise, 403 for a reader writing. */
export async function reachCommunity(ctx: Ctx, res: Response, communityId: string, write = false): Promise<{ id: string; countyId: string }> {
  const reach = await registerReachOf(ctx, res);
  const inReach = reach.communities === 'all' || reach.communities.includes(communityId);
  const community = inReach
    ? await ctx.db.community.findFirst({ where: { id: communityId, countyId: reach.countyId }, select: { id: true, countyId: true } })
    : null;
  if (!community) throw Problem.notFound('community', communityId);
  if (write && !reach.keeps) throw new Problem(403, `the register of community ${communityId} is kept by its officer and police station; you may read it`);
  return community;
}

// The register's backlog per community, counts only: what the reminders chase (help groups
// incomplete, talks overdue, permits expiring or expired, rented homes due for inspection). The
// bureau and province readers see every community of their reach; officers, stations and the
// population brigade the communities whose register they keep or read; `countyId` narrows it to one
// county (a province reader's way to read county by county). Paged by community id, like every
// list. Nobody sees a name here.
import type { Response } from 'express';
import { z } from 'zod';
import { ruleSetInForce } from '../../db/ruleSets.js';
import { registerReachOf } from '../../register/access.js';
import { backlogCounts, backlogItems, pagesOf, type BacklogCounts } from '../../register/backlog.js';
import { reachOf, type Operations } from '../access/operations.js';
import { countyScope, seesCounty } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseQuery } from '../validate.js';

const count = z.number().int().min(0);
const backlogRow = z.object({
  communityId: z.string(),
  communityName: z.string(),
  helpGroupsIncomplete: count,
  talksOverdue: count,
  permitsExpiring: count,
  permitsExpired: count,
  inspectionsDue: count,
});

const backlogQuery = listQuery({ countyId: idSchema.optional() });

/**
 * Which communities' backlog the caller sees: their reach, within `countyId` when given. A county
 * that does not exist or is not the caller's (every county is a province reader's) is a 422 naming
 * the parameter, the same for both, so another county's id leaks nothing.
 */
async function communitiesInReach(ctx: Ctx, res: Response, countyId: string | undefined): Promise<{ countyId?: string; id?: { in: string[] } }> {
  if (countyId !== undefined && (!seesCounty(res, countyId) || !(await ctx.db.county.findUnique({ where: { id: countyId }, select: { id: true } }))))
    throw Problem.field(422, { parameter: 'countyId', message: `${countyId} is not a county whose register backlog you read` });
  const inCounty = countyId === undefined ? {} : { countyId };
  if (reachOf(res) === 'county') return { ...countyScope(res), ...inCounty };
  const reach = await registerReachOf(ctx, res);
  return reach.communities === 'all' ? { countyId: reach.countyId } : { countyId: reach.countyId, id: { in: reach.communities } };
}

export function registerBacklogOperations(ctx: Ctx): Operations<'listRegisterBacklog'> {
  return {
    listRegisterBacklog: {
      query: backlogQuery,
      responses: { 200: z.object({ items: z.array(backlogRow) }) },
      handler: async (req, res) => {
        const { limit, cursor, countyId } = parseQuery(backlogQuery, req.query);
        const today = ctx.today();
        const where = await communitiesInReach(ctx, res, countyId);
        const communities = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) => ctx.db.community.findMany({ where, select: { id: true, name: true, countyId: true }, orderBy: { id: 'asc' }, ...page }),
        });
        const counts = new Map<string, BacklogCounts>();
        // A province reader's page may span counties, each with the intervals of its own rule set.
        for (const inCounty of [...new Set(communities.map((c) => c.countyId))]) {
          const { register } = (await ruleSetInForce(ctx.db, inCounty, today)).ruleSet;
          for (const page of pagesOf(communities.filter((c) => c.countyId === inCounty).map((c) => c.id)))
            for (const [id, c] of backlogCounts(page, await backlogItems(ctx.db, page, today, register))) counts.set(id, c);
        }
        res.json({ items: communities.map((c) => ({ communityId: c.id, communityName: c.name, ...counts.get(c.id)! })) });
      },
    },
  };
}

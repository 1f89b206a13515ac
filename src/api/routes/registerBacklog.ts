// The register's backlog per community, counts only: what the reminders chase (help groups
// incomplete, talks overdue, permits expiring or expired, rented homes due for inspection). The
// bureau and province readers see every community of their reach; officers, stations and the
// population brigade the communities whose register they keep or read. Nobody sees a name here.
import type { Response } from 'express';
import { z } from 'zod';
import { ruleSetInForce } from '../../db/ruleSets.js';
import { registerReachOf } from '../../register/access.js';
import { backlogCounts, backlogItems, pagesOf } from '../../register/backlog.js';
import { reachOf, type Operations } from '../access/operations.js';
import { countyScope } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { noParameters } from '../validate.js';

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

/** The communities whose backlog the caller sees. */
async function communitiesInReach(ctx: Ctx, res: Response) {
  const select = { id: true, name: true, countyId: true };
  if (reachOf(res) === 'county') return ctx.db.community.findMany({ where: countyScope(res), select, orderBy: { id: 'asc' } });
  const reach = await registerReachOf(ctx, res);
  const ids = reach.communities === 'all' ? {} : { id: { in: reach.communities } };
  return ctx.db.community.findMany({ where: { countyId: reach.countyId, ...ids }, select, orderBy: { id: 'asc' } });
}

export function registerBacklogOperations(ctx: Ctx): Operations<'listRegisterBacklog'> {
  return {
    listRegisterBacklog: {
      responses: { 200: z.object({ items: z.array(backlogRow) }) },
      handler: async (req, res) => {
        noParameters(req.query);
        const today = ctx.today();
        const communities = await communitiesInReach(ctx, res);
        const items: z.infer<typeof backlogRow>[] = [];
        // A province reader's communities span counties, each with the intervals of its own rule set.
        for (const countyId of [...new Set(communities.map((c) => c.countyId))]) {
          const { register } = (await ruleSetInForce(ctx.db, countyId, today)).ruleSet;
          for (const page of pagesOf(communities.filter((c) => c.countyId === countyId))) {
            const ids = page.map((c) => c.id);
            const counts = backlogCounts(ids, await backlogItems(ctx.db, ids, today, register));
            items.push(...page.map((c) => ({ communityId: c.id, communityName: c.name, ...counts.get(c.id)! })));
          }
        }
        res.json({ items });
      },
    },
  };
}

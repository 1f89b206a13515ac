// Stations record each time they pull a community officer to station duty or case work. Once a
// community's month goes over the rule set's allowance, the station and the bureau are told, in
// the same transaction as the record that crossed it.
import { Router } from 'express';
import { z } from 'zod';
import { bureauHead } from '../../core/recipients.js';
import { audited } from '../../db/audit.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import { diversionText } from '../../notices/diversionText.js';
import { actorOf } from '../access/principal.js';
import { deliverCommitted } from '../deliver.js';
import { communitiesOn } from '../../db/bindings.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { daySchema, idSchema, periodOf } from '../schemas.js';
import { parseBody, parseQuery } from '../validate.js';

const diversionSchema = z.strictObject({
  stationId: idSchema,
  officerId: idSchema,
  date: daySchema,
  kind: z.enum(['station-duty', 'case-work'], { error: 'expected station-duty or case-work' }),
  note: z.string().trim().max(500).default(''),
});

const diversionsQuery = listQuery({
  communityId: idSchema.optional(),
  officerId: idSchema.optional(),
  stationId: idSchema.optional(),
  kind: diversionSchema.shape.kind.optional(),
  month: periodOf('monthly').optional(),
});

export function diversionsRouter(ctx: Ctx): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const d = parseBody(diversionSchema, req.body);
    if (d.date > ctx.today()) throw Problem.field(422, { pointer: '/date', message: `${d.date} is in the future` });
    const actor = actorOf(res);
    const month = d.date.slice(0, 7);
    const { parameters } = (await ruleSetInForce(ctx.db, d.date)).ruleSet;
    const result = await ctx.db.$transaction(async (tx) => {
      const [communityId] = await communitiesOn(tx, 'officer', d.officerId, d.date);
      if (!communityId) throw Problem.field(422, { pointer: '/officerId', message: `officer ${d.officerId} was not a community officer on ${d.date}` });
      const row = await tx.diversion.create({ data: { ...d, communityId, recordedBy: actor } });
      await audited(tx, actor, { action: 'create', entity: 'Diversion', entityId: row.id, after: row });
      const count = await tx.diversion.count({ where: { communityId, date: { startsWith: month } } });
      const noticeId = `diversions/${communityId}/${month}`;
      const flagged = count > parameters.diversionsPerMonth;
      const publishes = flagged && !(await tx.notice.findUnique({ where: { id: noticeId } }));
      if (publishes) {
        const community = (await tx.community.findUnique({ where: { id: communityId } }))?.name ?? communityId;
        const facts = { month, communityId, count, allowed: parameters.diversionsPerMonth, stationId: d.stationId };
        await ctx.notifier.publish(tx, {
          id: noticeId,
          kind: 'diversion-excess',
          about: communityId,
          facts,
          recipients: [{ type: 'station', id: d.stationId }, bureauHead],
          ...diversionText(community, facts),
        });
        await audited(tx, actor, { action: 'create', entity: 'Notice', entityId: noticeId, after: facts });
      }
      return { diversion: { ...row, monthCount: count, allowed: parameters.diversionsPerMonth, flagged }, published: publishes ? noticeId : undefined };
    });
    const { diversion, published } = result;
    res.status(201).json(published ? { ...diversion, notice: published, noticeDelivery: await deliverCommitted(ctx, published) } : diversion);
  });

  router.get('/', async (req, res) => {
    const { limit, cursor, month, ...where } = parseQuery(diversionsQuery, req.query);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) =>
          ctx.db.diversion.findMany({
            where: { ...where, ...(month ? { date: { startsWith: month } } : {}) },
            orderBy: [{ date: 'asc' }, { id: 'asc' }],
            ...page,
          }),
      }),
    );
  });

  return router;
}

// Stations record each time they pull one of their community officers to station duty or case
// work. Once a community's month goes over the rule set's allowance, the station and the bureau
// head are told, in the same transaction as the record that crossed it. A station reads its own
// records, an officer the diversions of themselves, the bureau and province readers the county's.
import { z } from 'zod';
import { bureauHead } from '../../core/recipients.js';
import { audited } from '../../db/audit.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import type { Prisma } from '../../generated/sqlite/index.js';
import { diversionText } from '../../notices/diversionText.js';
import { mustBeCaller, ownSubjectOf, subjectOf } from '../access/acting.js';
import { reachOf, type Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import { deliverCommitted } from '../deliver.js';
import { communitiesOn } from '../../db/bindings.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { daySchema, idSchema, periodOf } from '../schemas.js';
import { parseBody, parseQuery } from '../validate.js';

/** stationId: the caller, when given. */
const diversionSchema = z.strictObject({
  stationId: idSchema.optional(),
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

const diversionRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  stationId: z.string(),
  officerId: z.string(),
  communityId: z.string(),
  date: z.string(),
  kind: z.enum(['station-duty', 'case-work']),
  note: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

const recordedDiversion = diversionRow.extend({
  monthCount: z.number().int(),
  allowed: z.number().int(),
  flagged: z.boolean(),
  notice: z.string().optional(),
  noticeDelivery: z.boolean().optional(),
});

export function diversionsOperations(ctx: Ctx): Operations<'recordDiversion' | 'listDiversions'> {
  return {
    recordDiversion: {
      body: diversionSchema,
      responses: { 201: recordedDiversion },
      handler: async (req, res) => {
        const { stationId: given, ...d } = parseBody(diversionSchema, req.body);
        const stationId = subjectOf(res);
        mustBeCaller(res, { pointer: '/stationId' }, given, stationId);
        if (d.date > ctx.today()) throw Problem.field(422, { pointer: '/date', message: `${d.date} is in the future` });
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const month = d.date.slice(0, 7);
        const { parameters } = (await ruleSetInForce(ctx.db, countyId, d.date)).ruleSet;
        const result = await ctx.db.$transaction(async (tx) => {
          // Another station's officer is refused as an unknown one is: the station records its own.
          if (!(await tx.officer.findFirst({ where: { id: d.officerId, countyId, stationId } }))) {
            throw Problem.field(422, { pointer: '/officerId', message: `officer ${d.officerId} is not an officer of station ${stationId}` });
          }
          const [communityId] = await communitiesOn(tx, 'officer', d.officerId, d.date);
          if (!communityId) throw Problem.field(422, { pointer: '/officerId', message: `officer ${d.officerId} was not a community officer on ${d.date}` });
          const row = await tx.diversion.create({ data: { ...d, stationId, countyId, communityId, recordedBy: actor.id } });
          await audited(tx, actor, { action: 'create', entity: 'Diversion', entityId: row.id, after: row });
          const count = await tx.diversion.count({ where: { communityId, date: { startsWith: month } } });
          const noticeId = `diversions/${communityId}/${month}`;
          const flagged = count > parameters.diversionsPerMonth;
          const publishes = flagged && !(await tx.notice.findUnique({ where: { id: noticeId } }));
          if (publishes) {
            const community = (await tx.community.findUnique({ where: { id: communityId } }))?.name ?? communityId;
            const facts = { month, communityId, count, allowed: parameters.diversionsPerMonth, stationId };
            await ctx.notifier.publish(tx, {
              id: noticeId,
              kind: 'diversion-excess',
              countyId,
              about: communityId,
              facts,
              recipients: [{ type: 'station', id: stationId }, bureauHead],
              ...diversionText(community, facts),
            });
            await audited(tx, actor, { action: 'create', entity: 'Notice', entityId: noticeId, after: facts });
          }
          return { diversion: { ...row, monthCount: count, allowed: parameters.diversionsPerMonth, flagged }, published: publishes ? noticeId : undefined };
        });
        const { diversion, published } = result;
        res.status(201).json(published ? { ...diversion, notice: published, noticeDelivery: await deliverCommitted(ctx, published) } : diversion);
      },
    },

    listDiversions: {
      query: diversionsQuery,
      responses: { 200: z.array(diversionRow) },
      handler: async (req, res) => {
        const { limit, cursor, month, ...filters } = parseQuery(diversionsQuery, req.query);
        const p = principalOf(res);
        const own: Prisma.DiversionWhereInput =
          reachOf(res) === 'county' ? {} : p.role === 'station' ? { stationId: ownSubjectOf(res) } : { officerId: ownSubjectOf(res) };
        const where: Prisma.DiversionWhereInput = { AND: [countyScope(res), own, filters, month ? { date: { startsWith: month } } : {}] };
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) => ctx.db.diversion.findMany({ where, orderBy: [{ date: 'asc' }, { id: 'asc' }], ...page }),
          }),
        );
      },
    },
  };
}

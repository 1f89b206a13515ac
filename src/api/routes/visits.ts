// Leaders log their own days in the community; the community's officer confirms or disputes each.
// Both are stored first and then told to the leader's presence workflow of that month, which the
// message starts when the monthly launcher has not (yet): no stored visit goes uncounted.
// A leader reads their own visits, an officer the visits to the community they served on the day,
// the bureau and province readers every visit of the county.
import type { Response } from 'express';
import { z } from 'zod';
import { presenceMonthOfVisit, visitChangedSignalName, type VisitChanged } from '../../contracts/presence.js';
import { wallClock, type VisitStatus } from '../../core/presenceMonth.js';
import { audited } from '../../db/audit.js';
import { communitiesOn } from '../../db/bindings.js';
import { recordVisits } from '../../db/visits.js';
import type { Prisma } from '../../generated/sqlite/index.js';
import { mustBeCaller, ownSubjectOf, subjectOf } from '../access/acting.js';
import type { Operations } from '../access/operations.js';
import { reachOf } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { daySchema, idSchema, periodOf } from '../schemas.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';

/** leaderId: the caller, when given. */
const visitSchema = z.strictObject({ leaderId: idSchema.optional(), communityId: idSchema, date: daySchema, note: z.string().trim().max(500).default('') });
const visitsQuery = listQuery({
  leaderId: idSchema.optional(),
  communityId: idSchema.optional(),
  month: periodOf('monthly').optional(),
  status: z.enum(['pending', 'confirmed', 'disputed'] as const satisfies readonly VisitStatus[]).optional(),
});
/** officerId: the caller, when given. */
const answerSchema = z.strictObject({
  officerId: idSchema.optional(),
  verdict: z.enum(['confirmed', 'disputed'], { error: 'expected confirmed or disputed' }),
});
const visitIdParams = z.object({ id: z.coerce.number().int().positive() });

export const visitRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  leaderId: z.string(),
  communityId: z.string(),
  date: z.string(),
  note: z.string(),
  status: z.enum(['pending', 'confirmed', 'disputed']),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  loggedBy: z.string(),
  createdAt: z.string(),
});

type VisitRow = { leaderId: string; communityId: string; date: string };

/** The officer's reach: visits to a community on a day the officer was bound to it. */
async function officersVisits(ctx: Ctx, officerId: string): Promise<Prisma.VisitWhereInput> {
  const spans = await ctx.db.binding.findMany({ where: { subjectType: 'officer', subjectId: officerId } });
  return {
    OR: spans.map((b) => ({ communityId: b.communityId, date: { gte: b.effectiveFrom, ...(b.effectiveTo ? { lte: b.effectiveTo } : {}) } })),
  };
}

/** Whether a visit of the caller's county is within the caller's reach. */
async function reaches(ctx: Ctx, res: Response, visit: VisitRow): Promise<boolean> {
  if (reachOf(res) === 'county') return true;
  const p = principalOf(res);
  if (p.role === 'leader') return visit.leaderId === p.subjectId;
  if (p.role === 'officer' && p.subjectId) return (await communitiesOn(ctx.db, 'officer', p.subjectId, visit.date)).includes(visit.communityId);
  return false;
}

export function visitsOperations(ctx: Ctx): Operations<'logVisit' | 'listVisits' | 'getVisit' | 'answerVisit'> {
  const tell = (visit: { leaderId: string; communityId: string; date: string; id: number }) =>
    ctx.signals.signalWithStart(presenceMonthOfVisit(visit), visitChangedSignalName, { visitId: visit.id } satisfies VisitChanged);

  return {
    logVisit: {
      body: visitSchema,
      responses: { 201: visitRow },
      handler: async (req, res) => {
        const { leaderId: given, ...v } = parseBody(visitSchema, req.body);
        const leaderId = subjectOf(res);
        mustBeCaller(res, { pointer: '/leaderId' }, given, leaderId);
        // The leader's today is the bureau's: at 07:00 in Shanghai the UTC date is still yesterday.
        if (v.date > wallClock(ctx.now(), ctx.timeZone).day)
          throw Problem.field(422, { pointer: '/date', message: `${v.date} is in the future; log a day after it has happened` });
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const visit = await ctx.db.$transaction(async (tx) => {
          if (!(await tx.leader.findFirst({ where: { id: leaderId, countyId } })))
            throw Problem.field(422, { pointer: '/leaderId', message: `leader ${leaderId} does not exist` });
          const bound = await communitiesOn(tx, 'leader', leaderId, v.date);
          if (!bound.includes(v.communityId)) {
            const actual = bound.length ? `bound to ${bound.join(', ')}` : 'not bound to any community';
            throw Problem.field(422, { pointer: '/communityId', message: `leader ${leaderId} was ${actual} on ${v.date}, not to ${v.communityId}` });
          }
          const [row] = await recordVisits(tx, actor, [{ ...v, leaderId, countyId, loggedBy: actor.id }]);
          return row!;
        });
        await tell(visit);
        res.status(201).location(`${req.baseUrl}/visits/${visit.id}`).json(visit);
      },
    },

    listVisits: {
      query: visitsQuery,
      responses: { 200: z.array(visitRow) },
      handler: async (req, res) => {
        const { limit, cursor, month, ...filters } = parseQuery(visitsQuery, req.query);
        const p = principalOf(res);
        const own: Prisma.VisitWhereInput =
          reachOf(res) === 'county' ? {} : p.role === 'leader' ? { leaderId: ownSubjectOf(res) } : await officersVisits(ctx, ownSubjectOf(res));
        const where: Prisma.VisitWhereInput = { AND: [countyScope(res), own, filters, month ? { date: { startsWith: month } } : {}] };
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) => ctx.db.visit.findMany({ where, orderBy: [{ date: 'asc' }, { id: 'asc' }], ...page }),
          }),
        );
      },
    },

    getVisit: {
      params: visitIdParams,
      responses: { 200: visitRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(visitIdParams.shape.id, req.params.id, 'Visit');
        const visit = await ctx.db.visit.findFirst({ where: { id, ...countyScope(res) } });
        if (!visit || !(await reaches(ctx, res, visit))) throw Problem.notFound('Visit', id);
        res.json(visit);
      },
    },

    answerVisit: {
      params: visitIdParams,
      body: answerSchema,
      responses: { 200: visitRow },
      handler: async (req, res) => {
        const id = parseParam(visitIdParams.shape.id, req.params.id, 'Visit');
        const { officerId: given, verdict } = parseBody(answerSchema, req.body);
        const officerId = subjectOf(res);
        mustBeCaller(res, { pointer: '/officerId' }, given, officerId);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const { visit, changed } = await ctx.db.$transaction(async (tx) => {
          const before = await tx.visit.findFirst({ where: { id, countyId } });
          // A visit to a community the officer did not serve on the day is not theirs to answer: as if it did not exist.
          if (!before || !(await communitiesOn(tx, 'officer', officerId, before.date)).includes(before.communityId)) throw Problem.notFound('Visit', id);
          if (before.status === verdict) return { visit: before, changed: false };
          if (before.status !== 'pending') {
            throw Problem.field(409, { pointer: '/verdict', message: `visit ${id} was already ${before.status} by ${before.answeredBy}; an answer is final` });
          }
          const after = await tx.visit.update({ where: { id }, data: { status: verdict, answeredBy: officerId, answeredAt: ctx.now() } });
          await audited(tx, actor, { action: verdict === 'confirmed' ? 'confirm' : 'dispute', entity: 'Visit', entityId: id, before, after });
          return { visit: after, changed: true };
        });
        if (changed) await tell(visit);
        res.status(200).json(visit);
      },
    },
  };
}

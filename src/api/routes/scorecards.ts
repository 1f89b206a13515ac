// Binding scorecards (捆绑考评): a leader or department is judged with the community it is bound
// to — the office's quarterly score, rank and sanctions, the stations' diversions of its officers,
// and for a leader the months of presence in it. A leader reads their own card, a department its
// own; the bureau and province readers every card of the county.
import type { RequestHandler } from 'express';
import { z } from 'zod';
import { quarterEnd, quarterPeriod, quarterStart } from '../../core/calendar.js';
import { communitiesOn } from '../../db/bindings.js';
import { reachOf, type Operations } from '../access/operations.js';
import { ownSubjectOf } from '../access/acting.js';
import { countyScope } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const idParams = z.object({ id: idSchema });

const quarterRow = z.looseObject({
  period: z.string(),
  communityId: z.string().nullable(),
  evaluated: z.boolean(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  offices: z.number().int(),
  isLast: z.boolean(),
  sanctions: z.array(z.looseObject({ id: z.string(), kind: z.string(), rule: z.string(), reason: z.string() })),
  diversions: z.number().int(),
});

const scorecard = (type: 'leader' | 'department') =>
  z.looseObject({
    subject: z.looseObject({ type: z.literal(type), id: z.string(), name: z.string() }),
    year: z.number().int(),
    quarters: z.array(quarterRow),
    ...(type === 'leader'
      ? {
          presence: z.array(
            z.looseObject({
              month: z.string(),
              communityId: z.string().nullable(),
              days: z.number().int(),
              required: z.number().int(),
              compliant: z.boolean(),
            }),
          ),
        }
      : {}),
    summary: z.looseObject({
      quartersLast: z.number().int(),
      sanctions: z.number().int(),
      diversions: z.number().int(),
      ...(type === 'leader' ? { nonCompliantMonths: z.number().int() } : {}),
    }),
  });

type Subject = 'leader' | 'department';

async function quarterCard(ctx: Ctx, type: Subject, id: string, year: number, quarter: number) {
  const period = quarterPeriod(year, quarter);
  const [from, to] = [quarterStart(year, quarter), quarterEnd(year, quarter)];
  const [communityId] = await communitiesOn(ctx.db, type, id, to);
  if (!communityId) return { period, communityId: null, evaluated: false, score: null, rank: null, offices: 0, isLast: false, sanctions: [], diversions: 0 };
  const evaluation = await ctx.db.evaluation.findFirst({ where: { period, communityId, supersededAt: null }, orderBy: { createdAt: 'desc' } });
  const [offices, sanctions, diversions] = evaluation
    ? await Promise.all([
        ctx.db.evaluation.count({ where: { cycleId: evaluation.cycleId, supersededAt: null } }),
        ctx.db.decision.findMany({
          where: { cycleId: evaluation.cycleId, type: 'sanction', subjectId: communityId, supersededAt: null },
          select: { id: true, kind: true, rule: true, reason: true },
        }),
        ctx.db.diversion.count({ where: { communityId, date: { gte: from, lte: to } } }),
      ])
    : [0, [], await ctx.db.diversion.count({ where: { communityId, date: { gte: from, lte: to } } })];
  return {
    period,
    communityId,
    evaluated: evaluation !== null,
    score: evaluation?.score ?? null,
    rank: evaluation?.rank ?? null,
    offices,
    isLast: evaluation?.isLast ?? false,
    sanctions,
    diversions,
  };
}

export function scorecardsOperations(ctx: Ctx): Operations<'getLeaderScorecard' | 'getDepartmentScorecard'> {
  const card =
    (type: Subject): RequestHandler =>
    async (req, res) => {
      const entity = type === 'leader' ? 'Leader' : 'Department';
      const id = parseParam(idSchema, req.params.id, entity);
      const year = parseQuery(yearQuery, req.query).year ?? Number(ctx.today().slice(0, 4));
      const where = { id, ...countyScope(res) };
      const subject = type === 'leader' ? await ctx.db.leader.findFirst({ where }) : await ctx.db.department.findFirst({ where });
      // Reach own: a leader's or department's own card; another's answers as if it did not exist.
      if (!subject || (reachOf(res) === 'own' && id !== ownSubjectOf(res))) throw Problem.notFound(entity, id);
      const quarters = [];
      for (const q of [1, 2, 3, 4]) quarters.push(await quarterCard(ctx, type, id, year, q));
      const presence =
        type === 'leader'
          ? (await ctx.db.presenceMonth.findMany({ where: { leaderId: id, month: { startsWith: String(year) } }, orderBy: { month: 'asc' } })).map(
              ({ month, communityId, days, required, compliant }) => ({ month, communityId, days, required, compliant }),
            )
          : undefined;
      res.json({
        subject: { type, id, name: subject.name },
        year,
        quarters,
        ...(presence ? { presence } : {}),
        summary: {
          quartersLast: quarters.filter((q) => q.isLast).length,
          sanctions: quarters.reduce((n, q) => n + q.sanctions.length, 0),
          diversions: quarters.reduce((n, q) => n + q.diversions, 0),
          ...(presence ? { nonCompliantMonths: presence.filter((m) => !m.compliant).length } : {}),
        },
      });
    };

  return {
    getLeaderScorecard: { params: idParams, query: yearQuery, responses: { 200: scorecard('leader') }, handler: card('leader') },
    getDepartmentScorecard: { params: idParams, query: yearQuery, responses: { 200: scorecard('department') }, handler: card('department') },
  };
}

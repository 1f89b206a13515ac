// Binding scorecards (捆绑考评): a leader or department is judged with the community it is bound
// to — the office's quarterly score, rank and sanctions, the stations' diversions of its officers,
// and for a leader the months of presence in it.
import { Router } from 'express';
import { z } from 'zod';
import { quarterEnd, quarterPeriod, quarterStart } from '../../core/calendar.js';
import { communitiesOn } from '../../db/bindings.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

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

export function scorecardsRouter(ctx: Ctx): Router {
  const router = Router();

  const card = (type: Subject) => async (req: { params: Record<string, string>; query: unknown }, res: { json(body: unknown): void }) => {
    const entity = type === 'leader' ? 'Leader' : 'Department';
    const id = parseParam(idSchema, req.params.id, entity);
    const year = parseQuery(yearQuery, req.query).year ?? Number(ctx.today().slice(0, 4));
    const subject = type === 'leader' ? await ctx.db.leader.findUnique({ where: { id } }) : await ctx.db.department.findUnique({ where: { id } });
    if (!subject) throw Problem.notFound(entity, id);
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

  router.get('/leaders/:id/scorecard', card('leader'));
  router.get('/departments/:id/scorecard', card('department'));
  return router;
}

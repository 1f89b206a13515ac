// A leader's presence, read-only: the months the presence workflows have judged, and one
// leader-month in full — its logged visits with the officers' answers, the days that count so
// far by the same rule the workflow uses, and the verdict once the month is recorded.
import { Router } from 'express';
import { z } from 'zod';
import { countedDays, type VisitStatus } from '../../core/presenceMonth.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import type { Ctx } from '../context.js';
import { listQuery, readPage } from '../pagination.js';
import { Problem } from '../problem.js';
import { idSchema, periodOf } from '../schemas.js';
import { noParameters, parseParam, parseQuery } from '../validate.js';

const monthSchema = periodOf('monthly');
const presenceQuery = listQuery({
  month: monthSchema.optional(),
  leaderId: idSchema.optional(),
  communityId: idSchema.optional(),
  compliant: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
});
const monthKey = z.strictObject({ leaderId: idSchema, month: monthSchema });

export function presenceRouter(ctx: Ctx): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { limit, cursor, ...where } = parseQuery(presenceQuery, req.query);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: monthKey,
        find: ({ cursor: after, ...page }) =>
          ctx.db.presenceMonth.findMany({
            where,
            orderBy: [{ month: 'asc' }, { leaderId: 'asc' }],
            ...page,
            ...(after ? { cursor: { leaderId_month: after } } : {}),
          }),
        keyOf: (r) => ({ leaderId: r.leaderId, month: r.month }),
      }),
    );
  });

  router.get('/:leaderId/:month', async (req, res) => {
    noParameters(req.query);
    const leaderId = parseParam(idSchema, req.params.leaderId, 'Leader');
    const month = parseParam(monthSchema, req.params.month, 'month');
    if (!(await ctx.db.leader.findUnique({ where: { id: leaderId } }))) throw Problem.notFound('Leader', leaderId);
    const { parameters: p } = (await ruleSetInForce(ctx.db, `${month}-01`)).ruleSet;
    const [visits, recorded] = await Promise.all([
      ctx.db.visit.findMany({ where: { leaderId, date: { startsWith: month } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
      ctx.db.presenceMonth.findUnique({ where: { leaderId_month: { leaderId, month } } }),
    ]);
    const counted = countedDays(
      visits.map((v) => ({ date: v.date, status: v.status as VisitStatus, loggedAt: v.createdAt.toISOString() })),
      month,
      ctx.now().toISOString(),
      p.visitConfirmationDays,
    );
    res.json({
      leaderId,
      month,
      required: recorded?.required ?? p.presenceDaysPerMonth,
      confirmationDays: p.visitConfirmationDays,
      countedDays: recorded ? recorded.countedDays : counted,
      days: recorded ? recorded.days : counted.length,
      verdict: recorded ? (recorded.compliant ? 'compliant' : 'non-compliant') : 'open',
      recordedAt: recorded?.recordedAt ?? null,
      visits: visits.map(({ id, communityId, date, note, status, answeredBy, answeredAt, loggedBy, createdAt }) => ({
        id,
        communityId,
        date,
        note,
        status,
        answeredBy,
        answeredAt,
        loggedBy,
        loggedAt: createdAt,
      })),
    });
  });

  return router;
}

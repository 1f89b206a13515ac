// A leader's presence, read-only: the months the presence workflows have judged, and one
// leader-month in full — its logged visits with the officers' answers, the days that count so
// far by the same rule the workflow uses, and the verdict once the month is recorded. A leader
// reads their own months; the bureau and province readers every leader of the county.
import type { Response } from 'express';
import { z } from 'zod';
import { countedDays, wallClock, workingDaysLeft, type VisitStatus } from '../../core/presenceMonth.js';
import { ruleSetInForce } from '../../db/ruleSets.js';
import type { Prisma } from '../../generated/sqlite/index.js';
import { reachOf, type Operations } from '../access/operations.js';
import { ownSubjectOf } from '../access/acting.js';
import { countyScope } from '../access/principal.js';
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
const monthParams = z.object({ leaderId: idSchema, month: monthSchema });

const presenceMonthRow = z.looseObject({
  leaderId: z.string(),
  month: z.string(),
  communityId: z.string().nullable(),
  days: z.number().int(),
  required: z.number().int(),
  compliant: z.boolean(),
  countedDays: z.array(z.string()),
  recordedAt: z.string(),
});

const leaderMonth = z.looseObject({
  leaderId: z.string(),
  month: z.string(),
  required: z.number().int(),
  confirmationDays: z.number().int(),
  countedDays: z.array(z.string()),
  days: z.number().int(),
  verdict: z.enum(['compliant', 'non-compliant', 'open']),
  /** Monday to Friday less public holidays, from the bureau's today (or the month's first day) to its end; 0 once past. */
  workingDaysLeft: z.number().int(),
  recordedAt: z.string().nullable(),
  visits: z.array(
    z.looseObject({
      id: z.number().int(),
      communityId: z.string(),
      date: z.string(),
      note: z.string(),
      status: z.string(),
      answeredBy: z.string().nullable(),
      answeredAt: z.string().nullable(),
      loggedBy: z.string(),
      loggedAt: z.string(),
    }),
  ),
});

/** The leaders whose months the caller reads: their own, or every leader of the county (all, for a province reader). */
async function leadersInReach(ctx: Ctx, res: Response): Promise<Prisma.PresenceMonthWhereInput> {
  if (reachOf(res) === 'own') return { leaderId: ownSubjectOf(res) };
  const scope = countyScope(res);
  if (!scope.countyId) return {};
  const leaders = await ctx.db.leader.findMany({ where: scope, select: { id: true } });
  return { leaderId: { in: leaders.map((l) => l.id) } };
}

export function presenceOperations(ctx: Ctx): Operations<'listPresence' | 'getPresenceMonth'> {
  return {
    listPresence: {
      query: presenceQuery,
      responses: { 200: z.array(presenceMonthRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...filters } = parseQuery(presenceQuery, req.query);
        const where: Prisma.PresenceMonthWhereInput = { AND: [await leadersInReach(ctx, res), filters] };
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
      },
    },

    getPresenceMonth: {
      params: monthParams,
      responses: { 200: leaderMonth },
      handler: async (req, res) => {
        noParameters(req.query);
        const leaderId = parseParam(idSchema, req.params.leaderId, 'Leader');
        const month = parseParam(monthSchema, req.params.month, 'month');
        const leader = await ctx.db.leader.findFirst({ where: { id: leaderId, ...countyScope(res) } });
        if (!leader || (reachOf(res) === 'own' && leaderId !== ownSubjectOf(res))) throw Problem.notFound('Leader', leaderId);
        const { parameters: p } = (await ruleSetInForce(ctx.db, leader.countyId, `${month}-01`)).ruleSet;
        const [visits, recorded] = await Promise.all([
          ctx.db.visit.findMany({ where: { leaderId, countyId: leader.countyId, date: { startsWith: month } }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
          ctx.db.presenceMonth.findUnique({ where: { leaderId_month: { leaderId, month } } }),
        ]);
        const today = wallClock(ctx.now(), ctx.timeZone).day;
        const from = today.slice(0, 7) === month ? today : `${month}-01`;
        const holidays = p.publicHolidays.filter((d) => d.startsWith(month));
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
          workingDaysLeft: month < today.slice(0, 7) ? 0 : workingDaysLeft(from, holidays),
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
      },
    },
  };
}

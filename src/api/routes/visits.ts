// Leaders log their days in the community; the community's officer confirms or disputes each.
// Both are stored first and then told to the leader's presence workflow of that month, which the
// message starts when the monthly launcher has not (yet): no stored visit goes uncounted.
import { Router } from 'express';
import { z } from 'zod';
import { presenceMonthWorkflowType, presenceWorkflowId, visitChangedSignalName, type PresenceMonthStart, type VisitChanged } from '../../contracts/presence.js';
import type { VisitStatus } from '../../core/presenceMonth.js';
import { audited } from '../../db/audit.js';
import { actorOf } from '../access/principal.js';
import { communitiesOn } from '../../db/bindings.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { daySchema, idSchema, periodOf } from '../schemas.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';

const visitSchema = z.strictObject({ leaderId: idSchema, communityId: idSchema, date: daySchema, note: z.string().trim().max(500).default('') });
const visitsQuery = listQuery({
  leaderId: idSchema.optional(),
  communityId: idSchema.optional(),
  month: periodOf('monthly').optional(),
  status: z.enum(['pending', 'confirmed', 'disputed'] as const satisfies readonly VisitStatus[]).optional(),
});
const answerSchema = z.strictObject({ officerId: idSchema, verdict: z.enum(['confirmed', 'disputed'], { error: 'expected confirmed or disputed' }) });

export function visitsRouter(ctx: Ctx): Router {
  const router = Router();
  const tell = ({ leaderId, communityId, date, id }: { leaderId: string; communityId: string; date: string; id: number }) => {
    const start: PresenceMonthStart = { leaderId, communityId, month: date.slice(0, 7) };
    const workflow = { workflowType: presenceMonthWorkflowType, workflowId: presenceWorkflowId(leaderId, start.month), args: [start] };
    return ctx.signals.signalWithStart(workflow, visitChangedSignalName, { visitId: id } satisfies VisitChanged);
  };

  router.post('/', async (req, res) => {
    const v = parseBody(visitSchema, req.body);
    if (v.date > ctx.today()) throw Problem.field(422, { pointer: '/date', message: `${v.date} is in the future; log a day after it has happened` });
    const actor = actorOf(res);
    const visit = await ctx.db.$transaction(async (tx) => {
      if (!(await tx.leader.findUnique({ where: { id: v.leaderId } })))
        throw Problem.field(422, { pointer: '/leaderId', message: `leader ${v.leaderId} does not exist` });
      const bound = await communitiesOn(tx, 'leader', v.leaderId, v.date);
      if (!bound.includes(v.communityId)) {
        const actual = bound.length ? `bound to ${bound.join(', ')}` : 'not bound to any community';
        throw Problem.field(422, { pointer: '/communityId', message: `leader ${v.leaderId} was ${actual} on ${v.date}, not to ${v.communityId}` });
      }
      const row = await tx.visit.create({ data: { ...v, loggedBy: actor } });
      await audited(tx, actor, { action: 'create', entity: 'Visit', entityId: row.id, after: row });
      return row;
    });
    await tell(visit);
    res.status(201).location(`${req.baseUrl}/${visit.id}`).json(visit);
  });

  router.get('/', async (req, res) => {
    const { limit, cursor, month, ...where } = parseQuery(visitsQuery, req.query);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) =>
          ctx.db.visit.findMany({ where: { ...where, ...(month ? { date: { startsWith: month } } : {}) }, orderBy: [{ date: 'asc' }, { id: 'asc' }], ...page }),
      }),
    );
  });

  router.get('/:id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(z.coerce.number().int().positive(), req.params.id, 'Visit');
    const visit = await ctx.db.visit.findUnique({ where: { id } });
    if (!visit) throw Problem.notFound('Visit', id);
    res.json(visit);
  });

  router.post('/:id/confirmation', async (req, res) => {
    const id = parseParam(z.coerce.number().int().positive(), req.params.id, 'Visit');
    const { officerId, verdict } = parseBody(answerSchema, req.body);
    const actor = actorOf(res);
    const { visit, changed } = await ctx.db.$transaction(async (tx) => {
      const before = await tx.visit.findUnique({ where: { id } });
      if (!before) throw Problem.notFound('Visit', id);
      if (!(await communitiesOn(tx, 'officer', officerId, before.date)).includes(before.communityId)) {
        throw Problem.field(422, { pointer: '/officerId', message: `officer ${officerId} was not an officer of ${before.communityId} on ${before.date}` });
      }
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
  });

  return router;
}

// Incidents submitted by community offices, the material of the weekly bulletins (警情公告 /
// 破案公告). An incident is marked solved once; the weekly workflow reads them, nothing here notifies.
import { Router } from 'express';
import { z } from 'zod';
import { audited } from '../../db/audit.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { daySchema, idSchema, periodOf } from '../schemas.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';

const incidentSchema = z.strictObject({
  communityId: idSchema,
  occurredOn: daySchema,
  category: z.string().trim().min(1).max(32),
  summary: z.string().trim().min(1).max(500),
  /** Who reported it (e.g. the community officer); the authenticated actor when left out. */
  submittedBy: idSchema.optional(),
});

const solvedSchema = z.strictObject({ solved: z.literal(true, { error: 'expected true' }), solvedOn: daySchema });

const incidentsQuery = listQuery({
  communityId: idSchema.optional(),
  month: periodOf('monthly').optional(),
  from: daySchema.optional(),
  to: daySchema.optional(),
  solved: z
    .enum(['true', 'false'])
    .transform((s) => s === 'true')
    .optional(),
  category: z.string().min(1).optional(),
});

export function incidentsRouter(ctx: Ctx): Router {
  const router = Router();
  const notFuture = (pointer: string, date: string) => {
    if (date > ctx.today()) throw Problem.field(422, { pointer, message: `${date} is in the future` });
  };

  router.post('/', async (req, res) => {
    const i = parseBody(incidentSchema, req.body);
    notFuture('/occurredOn', i.occurredOn);
    const actor = actorOf(res);
    const row = await ctx.db.$transaction(async (tx) => {
      if (!(await tx.community.findUnique({ where: { id: i.communityId } }))) {
        throw Problem.field(422, { pointer: '/communityId', message: `community ${i.communityId} does not exist` });
      }
      const created = await tx.incident.create({ data: { ...i, submittedBy: i.submittedBy ?? actor, actor } });
      await audited(tx, actor, { action: 'create', entity: 'Incident', entityId: created.id, after: created });
      return created;
    });
    res.status(201).json(row);
  });

  router.get('/', async (req, res) => {
    const { limit, cursor, month, from, to, ...where } = parseQuery(incidentsQuery, req.query);
    const occurredOn = { ...(month ? { startsWith: month } : {}), ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) => ctx.db.incident.findMany({ where: { ...where, occurredOn }, orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }], ...page }),
      }),
    );
  });

  router.get('/:id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(z.coerce.number().int().positive(), req.params.id, 'Incident');
    const row = await ctx.db.incident.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('Incident', id);
    res.json(row);
  });

  router.patch('/:id', async (req, res) => {
    const id = parseParam(z.coerce.number().int().positive(), req.params.id, 'Incident');
    const { solvedOn } = parseBody(solvedSchema, req.body);
    notFuture('/solvedOn', solvedOn);
    const actor = actorOf(res);
    const row = await ctx.db.$transaction(async (tx) => {
      const before = await tx.incident.findUnique({ where: { id } });
      if (!before) throw Problem.notFound('Incident', id);
      if (solvedOn < before.occurredOn) {
        throw Problem.field(422, { pointer: '/solvedOn', message: `${solvedOn} is before the incident occurred on ${before.occurredOn}` });
      }
      if (before.solved && before.solvedOn === solvedOn) return before;
      if (before.solved) throw Problem.field(409, { pointer: '/solvedOn', message: `incident ${id} was already solved on ${before.solvedOn}` });
      const after = await tx.incident.update({ where: { id }, data: { solved: true, solvedOn } });
      await audited(tx, actor, { action: 'solve', entity: 'Incident', entityId: id, before, after });
      return after;
    });
    res.status(200).json(row);
  });

  return router;
}

// Communities, officers, leaders and departments share one shape of API: create, list, read,
// patch, each write audited in the transaction that makes it.
import { Router } from 'express';
import { z } from 'zod';
import { audited, type Tx } from '../db/audit.js';
import { actorOf } from './access/principal.js';
import type { Ctx } from './context.js';
import { Problem } from './problem.js';
import { idSchema } from './schemas.js';
import { listQuery, readPage, stringKey } from './pagination.js';
import { noParameters, parseBody, parseParam, parseQuery } from './validate.js';

// The part of a Prisma model delegate these routes use; the models differ only in columns.
interface Delegate {
  findMany(args: { orderBy: { id: 'asc' }; take: number; skip?: number; cursor?: { id: string } }): Promise<{ id: string }[]>;
  findUnique(args: { where: { id: string } }): Promise<unknown | null>;
  create(args: { data: object }): Promise<unknown>;
  update(args: { where: { id: string }; data: object }): Promise<unknown>;
}

export interface CrudSpec<C extends { id: string }> {
  entity: string;
  model: (tx: Tx) => unknown;
  create: z.ZodType<C>;
  patch: z.ZodType<object>;
  /** The columns of a create body; the default takes it whole. */
  columns?: (body: C) => object;
  /** Runs inside the create transaction once the row exists; throwing undoes the create. */
  afterCreate?: (tx: Tx, body: C, ctx: { actor: string; today: string }) => Promise<void>;
  /** Adds derived fields to the rows the GET routes answer with. */
  present?: (tx: Tx, rows: object[]) => Promise<object[]>;
}

export function crudRouter<C extends { id: string }>(ctx: Ctx, spec: CrudSpec<C>): Router {
  const router = Router();
  const model = (tx: Tx) => spec.model(tx) as Delegate;
  const idParam = (id: unknown) => parseParam(idSchema, id, spec.entity);
  const present = async (rows: unknown[]) => (spec.present ? spec.present(ctx.db, rows as object[]) : rows);

  router.post('/', async (req, res) => {
    const body = parseBody(spec.create, req.body);
    const actor = actorOf(res);
    const row = await ctx.db.$transaction(async (tx) => {
      if (await model(tx).findUnique({ where: { id: body.id } })) {
        throw Problem.field(409, { pointer: '/id', message: `${spec.entity} ${body.id} already exists` });
      }
      const created = await model(tx).create({ data: spec.columns ? spec.columns(body) : body });
      await audited(tx, actor, { action: 'create', entity: spec.entity, entityId: body.id, after: created });
      await spec.afterCreate?.(tx, body, { actor, today: ctx.today() });
      return created;
    });
    res
      .status(201)
      .location(`${req.baseUrl}/${encodeURIComponent(body.id)}`)
      .json(row);
  });

  router.get('/', async (req, res) => {
    const { limit, cursor } = parseQuery(listQuery({}), req.query);
    res.json(
      await present(
        await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) => model(ctx.db).findMany({ orderBy: { id: 'asc' }, ...page }),
        }),
      ),
    );
  });

  router.get('/:id', async (req, res) => {
    noParameters(req.query);
    const id = idParam(req.params.id);
    const row = await model(ctx.db).findUnique({ where: { id } });
    if (!row) throw Problem.notFound(spec.entity, id);
    res.json((await present([row]))[0]);
  });

  router.patch('/:id', async (req, res) => {
    const id = idParam(req.params.id);
    const changes = parseBody(spec.patch, req.body);
    const actor = actorOf(res);
    const row = await ctx.db.$transaction(async (tx) => {
      const before = await model(tx).findUnique({ where: { id } });
      if (!before) throw Problem.notFound(spec.entity, id);
      const after = await model(tx).update({ where: { id }, data: changes });
      await audited(tx, actor, { action: 'update', entity: spec.entity, entityId: id, before, after });
      return after;
    });
    res.json(row);
  });

  return router;
}

/** A PATCH body: the create fields except id, all optional, at least one present. */
export function patchOf<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject(shape)
    .partial()
    .refine((b) => Object.keys(b).length > 0, 'expected at least one field to change');
}

// Communities, officers, leaders, departments and stations share one shape of API: create, list,
// read, patch, each write audited in the transaction that makes it. Every entity belongs to a
// county: lists show the caller's county (every county to a province reader), a read or patch of
// another county's id answers 404 as a missing one does, and a create writes the caller's county.
// Roles whose reach is `own` see and change only their own rows, as the entity says.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import type { Operation } from './access/operations.js';
import { reachOf } from './access/operations.js';
import { actorOf, countyOf, countyScope, principalOf, type Principal } from './access/principal.js';
import type { Ctx } from './context.js';
import { Problem } from './problem.js';
import { idSchema } from './schemas.js';
import { listQuery, readPage, stringKey } from './pagination.js';
import { noParameters, parseBody, parseParam, parseQuery } from './validate.js';

// The part of a Prisma model delegate these routes use; the models differ only in columns.
interface Delegate {
  findMany(args: { where: object; orderBy: { id: 'asc' }; take: number; skip?: number; cursor?: { id: string } }): Promise<{ id: string }[]>;
  findFirst(args: { where: object }): Promise<object | null>;
  findUnique(args: { where: { id: string } }): Promise<object | null>;
  create(args: { data: object }): Promise<object>;
  update(args: { where: { id: string }; data: object }): Promise<object>;
}

/** What a create or patch hook knows about the request. */
export interface WriteContext {
  actor: AuditActor;
  countyId: string;
  today: string;
}

export interface CrudSpec<C extends { id: string }, P extends object = object> {
  entity: string;
  /** The collection's path under /api, e.g. `/communities`, for Location headers. */
  path: string;
  model: (tx: Tx) => unknown;
  create: z.ZodType<C>;
  patch: z.ZodType<P>;
  /** The row the GET, POST and PATCH operations answer with. */
  row: z.ZodType;
  /** The columns of a create body; the default takes it whole. The county is added. */
  columns?: (body: C) => object;
  /** Checks the objects a create or patch body names exist in the caller's county (422 otherwise). */
  references?: (tx: Tx, body: Partial<C> | P, w: WriteContext) => Promise<void>;
  /** Runs inside the create transaction once the row exists; throwing undoes the create. */
  afterCreate?: (tx: Tx, body: C, w: WriteContext) => Promise<void>;
  /** Adds derived fields to the rows the GET routes answer with. */
  present?: (tx: Tx, rows: object[]) => Promise<object[]>;
  /** For a role whose reach is `own`: the `where` of the caller's own rows (may read the registry). Without it, none are. */
  own?: (p: Principal) => object | Promise<object>;
  /** The fields a caller whose reach is `own` may change on their own row; without it, none. */
  ownFields?: readonly string[];
}

export interface CrudOperations {
  list: Operation;
  create: Operation;
  get: Operation;
  update: Operation;
}

/** The `where` of one subject id, matching nothing when the principal names none. */
export function ownIdWhere(p: Principal, column = 'id'): object {
  return { [column]: { in: p.subjectId ? [p.subjectId] : [] } };
}

/** The rows of the entity the caller may see: their county's, and with reach `own` their own among them. */
export async function scopeOf(res: Response, own?: (p: Principal) => object | Promise<object>): Promise<object> {
  const county = countyScope(res);
  if (reachOf(res) !== 'own') return county;
  return { ...county, ...(own ? await own(principalOf(res)) : { id: { in: [] } }) };
}

/** A referenced object of the caller's county; another county's answers as a missing one does. */
export async function referenced(
  find: (where: { id: string; countyId: string }) => Promise<unknown>,
  id: string,
  countyId: string,
  pointer: string,
  what: string,
): Promise<void> {
  if (!(await find({ id, countyId }))) throw Problem.field(422, { pointer, message: `${what} ${id} does not exist` });
}

export function crudOperations<C extends { id: string }, P extends object>(ctx: Ctx, spec: CrudSpec<C, P>): CrudOperations {
  const model = (tx: Tx) => spec.model(tx) as Delegate;
  const idParam = (id: unknown) => parseParam(idSchema, id, spec.entity);
  const present = async (rows: object[]) => (spec.present ? spec.present(ctx.db, rows) : rows);
  const writeContext = (res: Response): WriteContext => ({ actor: actorOf(res), countyId: countyOf(res), today: ctx.today() });
  const location = (req: Request, id: string) => `${req.baseUrl}${spec.path}/${encodeURIComponent(id)}`;
  const listSchema = listQuery({});
  const idParams = z.object({ id: idSchema });

  const create: Operation = {
    body: spec.create,
    responses: { 201: spec.row },
    handler: async (req, res) => {
      const body = parseBody(spec.create, req.body);
      const w = writeContext(res);
      const row = await ctx.db.$transaction(async (tx) => {
        // Ids are unique across counties: one taken in another county is taken.
        if (await model(tx).findUnique({ where: { id: body.id } })) {
          throw Problem.field(409, { pointer: '/id', message: `${spec.entity} ${body.id} already exists` });
        }
        await spec.references?.(tx, body, w);
        const created = await model(tx).create({ data: { ...(spec.columns ? spec.columns(body) : body), countyId: w.countyId } });
        await audited(tx, w.actor, { action: 'create', entity: spec.entity, entityId: body.id, after: created });
        await spec.afterCreate?.(tx, body, w);
        return created;
      });
      res.status(201).location(location(req, body.id)).json(row);
    },
  };

  const list: Operation = {
    query: listSchema,
    responses: { 200: z.array(spec.row) },
    handler: async (req, res) => {
      const { limit, cursor } = parseQuery(listSchema, req.query);
      const where = await scopeOf(res, spec.own);
      res.json(
        await present(
          await readPage(req, res, {
            limit,
            cursor,
            key: stringKey,
            find: (page) => model(ctx.db).findMany({ where, orderBy: { id: 'asc' }, ...page }),
          }),
        ),
      );
    },
  };

  const get: Operation = {
    params: idParams,
    responses: { 200: spec.row },
    handler: async (req, res) => {
      noParameters(req.query);
      const id = idParam(req.params.id);
      const row = await model(ctx.db).findFirst({ where: { AND: [await scopeOf(res, spec.own), { id }] } });
      if (!row) throw Problem.notFound(spec.entity, id);
      res.json((await present([row]))[0]);
    },
  };

  const update: Operation = {
    params: idParams,
    body: spec.patch,
    responses: { 200: spec.row },
    handler: async (req, res) => {
      const id = idParam(req.params.id);
      const changes = parseBody(spec.patch, req.body);
      const w = writeContext(res);
      const scope = await scopeOf(res, spec.own);
      const row = await ctx.db.$transaction(async (tx) => {
        const before = await model(tx).findFirst({ where: { AND: [scope, { id }] } });
        if (!before) throw Problem.notFound(spec.entity, id);
        if (reachOf(res) === 'own') {
          const allowed = spec.ownFields ?? [];
          const refused = Object.keys(changes).find((f) => !allowed.includes(f));
          if (refused) {
            const p = principalOf(res);
            throw Problem.field(403, {
              pointer: `/${refused}`,
              message: `a ${p.role} may change only ${allowed.join(', ') || 'nothing'} of their own record; ask the bureau to change ${refused}`,
            });
          }
        }
        await spec.references?.(tx, changes, w);
        const after = await model(tx).update({ where: { id }, data: changes });
        await audited(tx, w.actor, { action: 'update', entity: spec.entity, entityId: id, before, after });
        return after;
      });
      res.json(row);
    },
  };

  return { list, create, get, update };
}

/** A PATCH body: the create fields except id, all optional, at least one present. */
export function patchOf<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject(shape)
    .partial()
    .refine((b) => Object.keys(b).length > 0, 'expected at least one field to change');
}

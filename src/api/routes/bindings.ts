// Responsibility binding: who answers for a community, over which days. Spans are inclusive
// on both ends; an open span (no effectiveTo) runs on indefinitely.
import type { Response } from 'express';
import { z } from 'zod';
import { audited, type Tx } from '../../db/audit.js';
import { boundOn } from '../../db/bindings.js';
import { reachOf, type Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { daySchema, idSchema, subjectTypeSchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';
import { bindingRow } from './registry.schemas.js';

type SubjectType = z.infer<typeof subjectTypeSchema>;
interface Span {
  effectiveFrom: string;
  effectiveTo: string | null;
}

const endsAfterStart = (b: { effectiveFrom: string; effectiveTo?: string | null }) => !b.effectiveTo || b.effectiveTo >= b.effectiveFrom;
const endMessage = { message: 'effectiveTo must not be before effectiveFrom', path: ['effectiveTo'] };

const createSchema = z
  .strictObject({
    communityId: idSchema,
    subjectType: subjectTypeSchema,
    subjectId: idSchema,
    effectiveFrom: daySchema,
    effectiveTo: daySchema.nullish(),
  })
  .refine(endsAfterStart, endMessage);

const patchSchema = z.strictObject({ effectiveTo: daySchema.nullable() });

const bindingsQuery = listQuery({
  communityId: idSchema.optional(),
  subjectType: subjectTypeSchema.optional(),
  subjectId: idSchema.optional(),
  at: daySchema.optional(),
});

/** Days as YYYY-MM-DD compare correctly as strings. */
function overlaps(a: Span, b: Span): boolean {
  return a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
}

// Concurrent binding writes for one subject must not both pass the overlap check. A no-op
// update locks the subject's row (PostgreSQL) or the database (SQLite) until commit, so the
// second request waits and then sees the first one's binding. Serializable isolation would
// do the same, but with @prisma/adapter-pg 6.19 a COMMIT that fails on a serialization
// conflict never returns its connection to the pool.
/** Locks the subject; false when it does not exist in the county. */
async function lockSubject(tx: Tx, type: SubjectType, id: string, countyId: string): Promise<boolean> {
  const rows =
    type === 'officer'
      ? await tx.$executeRaw`UPDATE "Officer" SET "name" = "name" WHERE "id" = ${id} AND "countyId" = ${countyId}`
      : type === 'leader'
        ? await tx.$executeRaw`UPDATE "Leader" SET "name" = "name" WHERE "id" = ${id} AND "countyId" = ${countyId}`
        : await tx.$executeRaw`UPDATE "Department" SET "name" = "name" WHERE "id" = ${id} AND "countyId" = ${countyId}`;
  return rows > 0;
}

/**
 * The bindings the caller may see: their county's; a leader, officer or department with reach
 * `own` only the bindings that bind them.
 */
function visibleBindings(res: Response): object {
  const county = countyScope(res);
  if (reachOf(res) !== 'own') return county;
  const p = principalOf(res);
  return { ...county, subjectType: p.role, subjectId: { in: p.subjectId ? [p.subjectId] : [] } };
}

// A leader or department answers for one community at a time; anyone may hold only one
// binding to the same community at a time.
async function assertNoOverlap(tx: Tx, b: { id?: number; communityId: string; subjectType: SubjectType; subjectId: string } & Span) {
  const others = await tx.binding.findMany({ where: { subjectType: b.subjectType, subjectId: b.subjectId, NOT: b.id ? { id: b.id } : undefined } });
  const exclusive = b.subjectType !== 'officer';
  const clash = others.find((o) => (exclusive || o.communityId === b.communityId) && overlaps(o, b));
  if (clash) {
    const span = `${clash.effectiveFrom}…${clash.effectiveTo ?? ''}`;
    throw Problem.field(409, {
      pointer: b.id ? '/effectiveTo' : '/subjectId',
      message: `${b.subjectType} ${b.subjectId} is already bound to community ${clash.communityId} (binding ${clash.id}, ${span})`,
    });
  }
}

const bindingParams = z.object({ id: z.coerce.number().int().positive() });
const bindingId = (id: unknown) => parseParam(bindingParams.shape.id, id, 'Binding');

export function bindingsOperations(ctx: Ctx): Operations<'listBindings' | 'createBinding' | 'getBinding' | 'updateBinding'> {
  return {
    createBinding: {
      body: createSchema,
      responses: { 201: bindingRow },
      handler: async (req, res) => {
        const body = parseBody(createSchema, req.body);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          // A community or subject of another county answers as a missing one does.
          if (!(await tx.community.findFirst({ where: { id: body.communityId, countyId } }))) {
            throw Problem.field(422, { pointer: '/communityId', message: `community ${body.communityId} does not exist` });
          }
          if (!(await lockSubject(tx, body.subjectType, body.subjectId, countyId))) {
            throw Problem.field(422, { pointer: '/subjectId', message: `${body.subjectType} ${body.subjectId} does not exist` });
          }
          const binding = { ...body, effectiveTo: body.effectiveTo ?? null };
          await assertNoOverlap(tx, binding);
          const created = await tx.binding.create({ data: { ...binding, countyId } });
          await audited(tx, actor, { action: 'create', entity: 'Binding', entityId: created.id, after: created });
          return created;
        });
        res.status(201).location(`${req.baseUrl}/bindings/${row.id}`).json(row);
      },
    },

    listBindings: {
      query: bindingsQuery,
      responses: { 200: z.array(bindingRow) },
      handler: async (req, res) => {
        const q = parseQuery(bindingsQuery, req.query);
        const visible = visibleBindings(res);
        res.json(
          await readPage(req, res, {
            limit: q.limit,
            cursor: q.cursor,
            key: intKey,
            find: (page) =>
              ctx.db.binding.findMany({
                where: {
                  AND: [
                    visible,
                    {
                      communityId: q.communityId,
                      subjectType: q.subjectType,
                      subjectId: q.subjectId,
                      ...(q.at ? boundOn(q.at) : {}),
                    },
                  ],
                },
                orderBy: [{ communityId: 'asc' }, { subjectType: 'asc' }, { subjectId: 'asc' }, { effectiveFrom: 'asc' }, { id: 'asc' }],
                ...page,
              }),
          }),
        );
      },
    },

    getBinding: {
      params: bindingParams,
      responses: { 200: bindingRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = bindingId(req.params.id);
        const row = await ctx.db.binding.findFirst({ where: { AND: [visibleBindings(res), { id }] } });
        if (!row) throw Problem.notFound('Binding', id);
        res.json(row);
      },
    },

    updateBinding: {
      params: bindingParams,
      body: patchSchema,
      responses: { 200: bindingRow },
      handler: async (req, res) => {
        const id = bindingId(req.params.id);
        const { effectiveTo } = parseBody(patchSchema, req.body);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          const before = await tx.binding.findFirst({ where: { id, countyId } });
          if (!before) throw Problem.notFound('Binding', id);
          if (!endsAfterStart({ effectiveFrom: before.effectiveFrom, effectiveTo })) {
            throw Problem.field(422, { pointer: '/effectiveTo', message: `effectiveTo must not be before effectiveFrom ${before.effectiveFrom}` });
          }
          const subjectType = before.subjectType as SubjectType;
          await lockSubject(tx, subjectType, before.subjectId, countyId);
          await assertNoOverlap(tx, { ...before, subjectType, effectiveTo });
          const after = await tx.binding.update({ where: { id }, data: { effectiveTo } });
          await audited(tx, actor, { action: 'update', entity: 'Binding', entityId: id, before, after });
          return after;
        });
        res.json(row);
      },
    },
  };
}

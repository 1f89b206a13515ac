// The people and places the bureau configures: communities, officers, leaders, departments.
import type { Router } from 'express';
import { z } from 'zod';
import { audited } from '../../db/audit.js';
import { withPendingFlag } from '../../db/reassignments.js';
import type { Ctx } from '../context.js';
import { crudRouter, patchOf } from '../crud.js';
import { Problem } from '../problem.js';
import { idSchema, nameSchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { parseParam, parseQuery } from '../validate.js';

const communityFields = {
  name: nameSchema,
  population: z.number().int().positive(),
  complexity: z.number().int().min(1).max(5),
  area: z.enum(['urban', 'rural']),
};

/** Officers, leaders and departments: a name, and where email notices reach them (null clears it). */
const person = { name: nameSchema, email: z.email({ error: 'expected an email address' }).max(254).nullable() };
const newPerson = { ...person, email: person.email.optional() };

export function communitiesRouter(ctx: Ctx): Router {
  return crudRouter(ctx, {
    entity: 'Community',
    model: (tx) => tx.community,
    create: z.strictObject({ id: idSchema, ...communityFields, area: communityFields.area.default('urban') }),
    patch: patchOf(communityFields),
    present: (tx, rows) => withPendingFlag(tx, rows, (c) => (c as { id: string }).id),
  });
}

export function leadersRouter(ctx: Ctx): Router {
  return crudRouter(ctx, { entity: 'Leader', model: (tx) => tx.leader, create: z.strictObject({ id: idSchema, ...newPerson }), patch: patchOf(person) });
}

export function departmentsRouter(ctx: Ctx): Router {
  return crudRouter(ctx, {
    entity: 'Department',
    model: (tx) => tx.department,
    create: z.strictObject({ id: idSchema, ...newPerson }),
    patch: patchOf(person),
  });
}

export function officersRouter(ctx: Ctx): Router {
  const router = crudRouter(ctx, {
    entity: 'Officer',
    model: (tx) => tx.officer,
    create: z.strictObject({ id: idSchema, ...newPerson, communityId: idSchema.optional() }),
    patch: patchOf(person),
    columns: ({ id, name, email }) => ({ id, name, email }),
    // A posting records where the officer works from today; the accountability binding is
    // a separate, explicit act (POST /api/bindings).
    afterCreate: async (tx, body, { actor, today }) => {
      if (!body.communityId) return;
      if (!(await tx.community.findUnique({ where: { id: body.communityId } }))) {
        throw Problem.field(422, { pointer: '/communityId', message: `community ${body.communityId} does not exist` });
      }
      const posting = await tx.posting.create({
        data: { officerId: body.id, communityId: body.communityId, kind: 'community', startsOn: today, reason: 'posted on creation' },
      });
      await audited(tx, actor, { action: 'create', entity: 'Posting', entityId: posting.id, after: posting });
    },
  });

  router.get('/:id/postings', async (req, res) => {
    const id = parseParam(idSchema, req.params.id, 'Officer');
    const { limit, cursor } = parseQuery(listQuery({}), req.query);
    if (!(await ctx.db.officer.findUnique({ where: { id } }))) throw Problem.notFound('Officer', id);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) => ctx.db.posting.findMany({ where: { officerId: id }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }], ...page }),
      }),
    );
  });

  return router;
}

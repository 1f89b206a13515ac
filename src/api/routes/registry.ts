// The people and places the bureau configures: communities, officers, leaders, departments. Each
// belongs to the county of the bureau staff who created it; an officer, leader or department reads
// and changes (its email only) its own record, a station reads its own officers, a leader the
// officers bound to his community.
import { z } from 'zod';
import { audited, type Tx } from '../../db/audit.js';
import { boundOn, communitiesOn } from '../../db/bindings.js';
import { withPendingFlag } from '../../db/reassignments.js';
import type { Operations } from '../access/operations.js';
import type { Principal } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { crudOperations, ownIdWhere, patchOf, referenced, scopeOf } from '../crud.js';
import { Problem } from '../problem.js';
import { idSchema, nameSchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { parseParam, parseQuery } from '../validate.js';
import { communityRow, departmentRow, leaderRow, officerRow, postingRow } from './registry.schemas.js';

const communityFields = {
  name: nameSchema,
  population: z.number().int().positive(),
  complexity: z.number().int().min(1).max(5),
  area: z.enum(['urban', 'rural']),
};

/** Officers, leaders and departments: a name, and where email notices reach them (null clears it). */
const person = { name: nameSchema, email: z.email({ error: 'expected an email address' }).max(254).nullable() };
const newPerson = { ...person, email: person.email.optional() };
/** What a person changes of their own record. */
const ownFields = ['email'] as const;

export function communitiesOperations(ctx: Ctx): Operations<'listCommunities' | 'createCommunity' | 'getCommunity' | 'updateCommunity'> {
  const ops = crudOperations(ctx, {
    entity: 'Community',
    path: '/communities',
    model: (tx) => tx.community,
    create: z.strictObject({ id: idSchema, ...communityFields, area: communityFields.area.default('urban') }),
    patch: patchOf(communityFields),
    row: communityRow,
    present: (tx, rows) => withPendingFlag(tx, rows, (c) => (c as { id: string }).id),
  });
  return { listCommunities: ops.list, createCommunity: ops.create, getCommunity: ops.get, updateCommunity: ops.update };
}

export function leadersOperations(ctx: Ctx): Operations<'listLeaders' | 'createLeader' | 'getLeader' | 'updateLeader'> {
  const ops = crudOperations(ctx, {
    entity: 'Leader',
    path: '/leaders',
    model: (tx) => tx.leader,
    create: z.strictObject({ id: idSchema, ...newPerson }),
    patch: patchOf(person),
    row: leaderRow,
    own: (p) => ownIdWhere(p),
    ownFields,
  });
  return { listLeaders: ops.list, createLeader: ops.create, getLeader: ops.get, updateLeader: ops.update };
}

export function departmentsOperations(ctx: Ctx): Operations<'listDepartments' | 'createDepartment' | 'getDepartment' | 'updateDepartment'> {
  const ops = crudOperations(ctx, {
    entity: 'Department',
    path: '/departments',
    model: (tx) => tx.department,
    create: z.strictObject({ id: idSchema, ...newPerson }),
    patch: patchOf(person),
    row: departmentRow,
    own: (p) => ownIdWhere(p),
    ownFields,
  });
  return { listDepartments: ops.list, createDepartment: ops.create, getDepartment: ops.get, updateDepartment: ops.update };
}

/**
 * An officer's own record is theirs; a station's own officers are those whose home it is; a
 * leader's are the officers bound today to the community (or communities) the leader is bound to.
 */
async function ownOfficers(db: Tx, p: Principal, today: string): Promise<object> {
  if (p.role === 'station') return ownIdWhere(p, 'stationId');
  if (p.role !== 'leader') return ownIdWhere(p);
  const communities = p.subjectId ? await communitiesOn(db, 'leader', p.subjectId, today) : [];
  const bound = await db.binding.findMany({
    where: { subjectType: 'officer', communityId: { in: communities }, ...boundOn(today) },
    select: { subjectId: true },
  });
  return { id: { in: bound.map((b) => b.subjectId) } };
}

const officerCreate = z.strictObject({ id: idSchema, ...newPerson, communityId: idSchema.optional(), stationId: idSchema.optional() });
const officerPatch = patchOf({ ...person, stationId: idSchema.nullable() });

export function officersOperations(ctx: Ctx): Operations<'listOfficers' | 'createOfficer' | 'getOfficer' | 'updateOfficer' | 'listOfficerPostings'> {
  const ops = crudOperations(ctx, {
    entity: 'Officer',
    path: '/officers',
    model: (tx) => tx.officer,
    create: officerCreate,
    patch: officerPatch,
    row: officerRow,
    columns: ({ id, name, email, stationId }) => ({ id, name, email, stationId }),
    // The officer's station and community must be of the caller's county: another county's answer as missing ones.
    references: async (tx, body, { countyId }) => {
      if (body.stationId) await referenced((where) => tx.station.findFirst({ where }), body.stationId, countyId, '/stationId', 'station');
      if ('communityId' in body && body.communityId) {
        await referenced((where) => tx.community.findFirst({ where }), body.communityId, countyId, '/communityId', 'community');
      }
    },
    // A posting records where the officer works from today; the accountability binding is
    // a separate, explicit act (POST /api/bindings).
    afterCreate: async (tx, body, { actor, today }) => {
      if (!body.communityId) return;
      const posting = await tx.posting.create({
        data: { officerId: body.id, communityId: body.communityId, kind: 'community', startsOn: today, reason: 'posted on creation' },
      });
      await audited(tx, actor, { action: 'create', entity: 'Posting', entityId: posting.id, after: posting });
    },
    own: (p) => ownOfficers(ctx.db, p, ctx.today()),
    ownFields,
  });

  const postingsQuery = listQuery({});
  const listOfficerPostings = {
    params: z.object({ id: idSchema }),
    query: postingsQuery,
    responses: { 200: z.array(postingRow) },
    handler: async (req, res) => {
      const id = parseParam(idSchema, req.params.id, 'Officer');
      const { limit, cursor } = parseQuery(postingsQuery, req.query);
      const visible = await scopeOf(res, (p) => ownOfficers(ctx.db, p, ctx.today()));
      if (!(await ctx.db.officer.findFirst({ where: { AND: [visible, { id }] } }))) throw Problem.notFound('Officer', id);
      res.json(
        await readPage(req, res, {
          limit,
          cursor,
          key: intKey,
          find: (page) => ctx.db.posting.findMany({ where: { officerId: id }, orderBy: [{ startsOn: 'asc' }, { id: 'asc' }], ...page }),
        }),
      );
    },
  } satisfies Operations['listOfficerPostings'];

  return { listOfficers: ops.list, createOfficer: ops.create, getOfficer: ops.get, updateOfficer: ops.update, listOfficerPostings };
}

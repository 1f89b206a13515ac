// Incidents submitted by community offices, the material of the weekly bulletins (警情公告 /
// 破案公告). A community officer reports the incidents of their own community and marks them solved,
// once; bureau staff do the same for any community of their county (the bulletins depend on
// them); everyone of the county reads them. The weekly workflow reads them, nothing here notifies.
import type { Response } from 'express';
import { z } from 'zod';
import { audited, type Tx } from '../../db/audit.js';
import { communitiesOn } from '../../db/bindings.js';
import { mustBeCaller, subjectOf } from '../access/acting.js';
import { reachOf, type Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope } from '../access/principal.js';
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
  /** Who reports: the caller (the officer, or the bureau staff user), when given. */
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
const incidentIdParams = z.object({ id: z.coerce.number().int().positive() });

const incidentRow = z.looseObject({
  id: z.number().int(),
  countyId: z.string(),
  communityId: z.string(),
  occurredOn: z.string(),
  category: z.string(),
  summary: z.string(),
  solved: z.boolean(),
  solvedOn: z.string().nullable(),
  submittedBy: z.string(),
  actor: z.string(),
  createdAt: z.string(),
});

export function incidentsOperations(ctx: Ctx): Operations<'reportIncident' | 'listIncidents' | 'getIncident' | 'updateIncident'> {
  const notFuture = (pointer: string, date: string) => {
    if (date > ctx.today()) throw Problem.field(422, { pointer, message: `${date} is in the future` });
  };

  /** Whether the officer serves the community today: their own community's incidents are theirs to report and solve. */
  const serves = async (tx: Tx, officerId: string, communityId: string) => (await communitiesOn(tx, 'officer', officerId, ctx.today())).includes(communityId);

  /** Who reports or solves: the officer the caller is (reach own), or the bureau staff user (reach county, any community of the county). */
  const reporterOf = (res: Response) => (reachOf(res) === 'own' ? { officerId: subjectOf(res) } : { officerId: undefined, userId: actorOf(res).id });

  return {
    reportIncident: {
      body: incidentSchema,
      responses: { 201: incidentRow },
      handler: async (req, res) => {
        const { submittedBy: given, ...i } = parseBody(incidentSchema, req.body);
        const { officerId, userId } = reporterOf(res);
        const submittedBy = officerId ?? userId!;
        mustBeCaller(res, { pointer: '/submittedBy' }, given, submittedBy);
        notFuture('/occurredOn', i.occurredOn);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          if (!(await tx.community.findFirst({ where: { id: i.communityId, countyId } }))) {
            throw Problem.field(422, { pointer: '/communityId', message: `community ${i.communityId} does not exist` });
          }
          if (officerId && !(await serves(tx, officerId, i.communityId))) {
            throw Problem.field(422, {
              pointer: '/communityId',
              message: `officer ${officerId} is not an officer of ${i.communityId}; report your own community's incidents`,
            });
          }
          const created = await tx.incident.create({ data: { ...i, countyId, submittedBy, actor: actor.id } });
          await audited(tx, actor, { action: 'create', entity: 'Incident', entityId: created.id, after: created });
          return created;
        });
        res.status(201).json(row);
      },
    },

    listIncidents: {
      query: incidentsQuery,
      responses: { 200: z.array(incidentRow) },
      handler: async (req, res) => {
        const { limit, cursor, month, from, to, ...where } = parseQuery(incidentsQuery, req.query);
        const occurredOn = { ...(month ? { startsWith: month } : {}), ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) };
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) =>
              ctx.db.incident.findMany({ where: { ...where, ...countyScope(res), occurredOn }, orderBy: [{ occurredOn: 'asc' }, { id: 'asc' }], ...page }),
          }),
        );
      },
    },

    getIncident: {
      params: incidentIdParams,
      responses: { 200: incidentRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(incidentIdParams.shape.id, req.params.id, 'Incident');
        const row = await ctx.db.incident.findFirst({ where: { id, ...countyScope(res) } });
        if (!row) throw Problem.notFound('Incident', id);
        res.json(row);
      },
    },

    updateIncident: {
      params: incidentIdParams,
      body: solvedSchema,
      responses: { 200: incidentRow },
      handler: async (req, res) => {
        const id = parseParam(incidentIdParams.shape.id, req.params.id, 'Incident');
        const { solvedOn } = parseBody(solvedSchema, req.body);
        notFuture('/solvedOn', solvedOn);
        const { officerId } = reporterOf(res);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          const before = await tx.incident.findFirst({ where: { id, countyId } });
          // Another community's incident is outside the officer's reach (own: the officer's
          // community): 404 as if it did not exist, like every object out of reach, although he reads it.
          if (!before || (officerId && !(await serves(tx, officerId, before.communityId)))) throw Problem.notFound('Incident', id);
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
      },
    },
  };
}

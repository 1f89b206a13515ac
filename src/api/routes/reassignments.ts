// Rural reassignments the cycles decided, carried out or overruled by the bureau. A confirmation
// ends each officer's community posting and binding on the day before its date and opens the
// rural posting on it, in one transaction with its audit row; an overruling records the reason.
import type { Response } from 'express';
import { z } from 'zod';
import { addDays, parsePeriod, periodEnd } from '../../core/calendar.js';
import { audited, type AuditActor, type Tx } from '../../db/audit.js';
import { boundOn } from '../../db/bindings.js';
import { supersededDecisionOf } from '../../db/reassignments.js';
import { reachOf, type Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { daySchema, idSchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';
import { reassignmentRow } from './registry.schemas.js';

type Reassignment = NonNullable<Awaited<ReturnType<Tx['reassignment']['findUnique']>>>;

const statuses = ['pending', 'confirmed', 'overruled'] as const;
const reassignmentsQuery = listQuery({ communityId: idSchema.optional(), status: z.enum(statuses).optional() });
// `officers` lets the bureau move fewer of a team than the decision named; by default all go.
const confirmSchema = z.strictObject({ effectiveFrom: daySchema, officers: z.array(idSchema).min(1).optional() });
const overruleSchema = z.strictObject({ reason: z.string().trim().min(1, 'give the reason for overruling').max(2000) });
const reassignmentParams = z.object({ id: z.coerce.number().int().positive() });
const idParam = (id: unknown) => parseParam(reassignmentParams.shape.id, id, 'Reassignment');

/** Reads the reassignment of the county and claims it for this resolution: only a pending one can be resolved, once. */
async function claimPending(tx: Tx, id: number, countyId: string, data: object): Promise<Reassignment> {
  const before = await tx.reassignment.findFirst({ where: { id, countyId } });
  if (!before) throw Problem.notFound('Reassignment', id);
  const replaced = await supersededDecisionOf(tx, before.decisionId);
  if (replaced) {
    throw new Problem(
      409,
      `reassignment ${id} follows decision ${replaced.id}, which appeal ${replaced.supersededByAppeal} replaced${replaced.supersededBy ? ` by ${replaced.supersededBy}` : ''}; there is nothing to confirm or overrule`,
    );
  }
  // Compare-and-set: of two concurrent resolutions only one finds the row still pending.
  const { count } = await tx.reassignment.updateMany({ where: { id, status: 'pending' }, data });
  if (count === 0) throw new Problem(409, `reassignment ${id} is already ${before.status}`);
  return before;
}

/**
 * Moves one officer: the binding that covers the last day in the community ends on it, the open
 * community posting there ends with it, and the rural posting starts the next day.
 */
async function moveToRuralPost(tx: Tx, r: Reassignment, officerId: string, from: string, reason: string, actor: AuditActor) {
  const lastDay = addDays(from, -1);
  // The same officer and office may have been decided twice before the bureau acted (a catch-up):
  // once one of them is carried out, the other has nothing left to do.
  const confirmed = await tx.reassignment.findMany({
    where: { id: { not: r.id }, communityId: r.communityId, status: 'confirmed', effectiveFrom: { gte: r.decidedOn } },
  });
  const earlier = confirmed.find((c) => (c.reassigned as string[]).includes(officerId));
  if (earlier) {
    throw new Problem(
      409,
      `officer ${officerId} was already reassigned from ${r.communityId} from ${earlier.effectiveFrom} (reassignment ${earlier.id}); overrule reassignment ${r.id} instead`,
    );
  }
  const binding = await tx.binding.findFirst({
    where: { communityId: r.communityId, subjectType: 'officer', subjectId: officerId, ...boundOn(lastDay) },
  });
  if (!binding) {
    throw Problem.field(409, {
      pointer: '/effectiveFrom',
      message: `officer ${officerId} is not bound to community ${r.communityId} on ${lastDay}, the day before the reassignment`,
    });
  }
  const boundTo = await tx.binding.update({ where: { id: binding.id }, data: { effectiveTo: lastDay } });
  await audited(tx, actor, { action: 'reassign', entity: 'Binding', entityId: binding.id, before: binding, after: boundTo });
  const posting = await tx.posting.findFirst({ where: { officerId, communityId: r.communityId, kind: 'community', endsOn: null } });
  if (posting) {
    const closed = await tx.posting.update({ where: { id: posting.id }, data: { endsOn: lastDay } });
    await audited(tx, actor, { action: 'reassign', entity: 'Posting', entityId: posting.id, before: posting, after: closed });
  }
  const rural = await tx.posting.create({ data: { officerId, kind: 'rural-hardship', startsOn: from, reason, decisionId: r.decisionId } });
  await audited(tx, actor, { action: 'reassign', entity: 'Posting', entityId: rural.id, after: rural });
}

/**
 * A period already evaluated judged the office with the officers bound at its end; a reassignment
 * reaching back into it would leave that evaluation at odds with the bindings.
 */
async function assertAfterEvaluatedPeriods(tx: Tx, communityId: string, from: string) {
  const evaluated = await tx.evaluation.findMany({ where: { communityId }, select: { period: true }, distinct: ['period'] });
  const latest = evaluated.map((e) => ({ period: e.period, end: periodEnd(parsePeriod(e.period)) })).sort((a, b) => b.end.localeCompare(a.end))[0];
  if (latest && from <= latest.end) {
    throw Problem.field(422, {
      pointer: '/effectiveFrom',
      message: `community ${communityId} was already evaluated for ${latest.period} (to ${latest.end}) with its officers; choose ${addDays(latest.end, 1)} or later`,
    });
  }
}

/**
 * The reassignments the caller may see: their county's; an officer (reach `own`) those naming them.
 * `officers` is a JSON list, read here rather than filtered in SQL, which SQLite and PostgreSQL
 * spell differently; an officer is named by few.
 */
async function visibleReassignments(ctx: Ctx, res: Response): Promise<object> {
  const county = countyScope(res);
  if (reachOf(res) !== 'own') return county;
  const { subjectId } = principalOf(res);
  const rows = await ctx.db.reassignment.findMany({ where: county, select: { id: true, officers: true } });
  return { ...county, id: { in: rows.filter((r) => subjectId !== null && (r.officers as string[]).includes(subjectId)).map((r) => r.id) } };
}

export function reassignmentsOperations(ctx: Ctx): Operations<'listReassignments' | 'getReassignment' | 'confirmReassignment' | 'overruleReassignment'> {
  return {
    listReassignments: {
      query: reassignmentsQuery,
      responses: { 200: z.array(reassignmentRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...filters } = parseQuery(reassignmentsQuery, req.query);
        const visible = await visibleReassignments(ctx, res);
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) => ctx.db.reassignment.findMany({ where: { AND: [visible, filters] }, orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }], ...page }),
          }),
        );
      },
    },

    getReassignment: {
      params: reassignmentParams,
      responses: { 200: reassignmentRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = idParam(req.params.id);
        const row = await ctx.db.reassignment.findFirst({ where: { AND: [await visibleReassignments(ctx, res), { id }] } });
        if (!row) throw Problem.notFound('Reassignment', id);
        res.json(row);
      },
    },

    confirmReassignment: {
      params: reassignmentParams,
      body: confirmSchema,
      responses: { 200: reassignmentRow },
      handler: async (req, res) => {
        const id = idParam(req.params.id);
        const body = parseBody(confirmSchema, req.body);
        const { effectiveFrom } = body;
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          const before = await claimPending(tx, id, countyId, { status: 'confirmed', effectiveFrom, resolvedBy: actor.id, resolvedAt: ctx.now() });
          // Two decisions for one office (a catch-up) confirmed at once must not both pass the check
          // for one already carried out: a no-op update locks the community until commit, as bindings do.
          await tx.$executeRaw`UPDATE "Community" SET "name" = "name" WHERE "id" = ${before.communityId}`;
          const decided = before.officers as string[];
          const chosen = body.officers ?? decided;
          const stranger = chosen.findIndex((o) => !decided.includes(o));
          if (stranger >= 0) {
            throw Problem.field(422, {
              pointer: `/officers/${stranger}`,
              message: `officer ${chosen[stranger]} is not named by decision ${before.decisionId} (${decided.join(', ')})`,
            });
          }
          if (effectiveFrom < before.decidedOn) {
            throw Problem.field(422, { pointer: '/effectiveFrom', message: `must not be before the decision of ${before.decidedOn}` });
          }
          await assertAfterEvaluatedPeriods(tx, before.communityId, effectiveFrom);
          const reassigned = [...new Set(chosen)];
          const { reason } = await tx.decision.findUniqueOrThrow({ where: { id: before.decisionId } });
          for (const officerId of reassigned) await moveToRuralPost(tx, before, officerId, effectiveFrom, reason, actor);
          const after = await tx.reassignment.update({ where: { id }, data: { reassigned } });
          await audited(tx, actor, { action: 'confirm', entity: 'Reassignment', entityId: id, before, after });
          return after;
        });
        res.json(row);
      },
    },

    overruleReassignment: {
      params: reassignmentParams,
      body: overruleSchema,
      responses: { 200: reassignmentRow },
      handler: async (req, res) => {
        const id = idParam(req.params.id);
        const { reason } = parseBody(overruleSchema, req.body);
        const actor = actorOf(res);
        const countyId = countyOf(res);
        const row = await ctx.db.$transaction(async (tx) => {
          const before = await claimPending(tx, id, countyId, { status: 'overruled', reason, resolvedBy: actor.id, resolvedAt: ctx.now() });
          const after = await tx.reassignment.findUniqueOrThrow({ where: { id } });
          await audited(tx, actor, { action: 'overrule', entity: 'Reassignment', entityId: id, before, after });
          return after;
        });
        res.json(row);
      },
    },
  };
}

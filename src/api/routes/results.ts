// What the cycles decided, read-only. Money is stored in fen; responses add `amount` in yuan.
// Readers see their county; an officer sees the evaluations of their office, the decisions that
// name them and the money paid to them; finance sees the county's obligations; every other role
// sees the notices addressed to it. Rows outside the caller's reach answer 404 like missing ones.
import type { Response } from 'express';
import { z } from 'zod';
import { withPendingFlag } from '../../db/reassignments.js';
import { withOutcome } from '../rankingRows.js';
import type { Ctx } from '../context.js';
import { noticeIdOf } from './noticeParams.js';
import { Problem } from '../problem.js';
import { idSchema, periodSchema } from '../schemas.js';
import { intKey, listQuery, readPage, stringKey } from '../pagination.js';
import { noParameters, parseParam, parseQuery } from '../validate.js';
import { fromFen } from '../../core/money.js';
import { reachOf, type Operations } from '../access/operations.js';
import { countyScope, seesCounty } from '../access/principal.js';
import { decisionsNaming, namesOfficer, obligationsPaying, officerCommunities, paysOfficer } from '../access/ownRecords.js';
import { ownSubjectOf, recipientOf } from '../access/acting.js';
import { decisionRow, evaluationListRow, noticeRow, obligationDetail, obligationRow } from './money.schemas.js';

const text = z.string().min(1).optional();
/** `standing=true`: only rows no appeal has replaced; `false`: only the replaced ones. */
const standing = z.enum(['true', 'false'], { error: 'expected true or false' }).optional();
const standingWhere = (s: 'true' | 'false' | undefined) => (s === undefined ? {} : { supersededAt: s === 'true' ? null : { not: null } });

export function withYuan<T extends { amountFen: number | null }>(row: T): T & { amount: number | null } {
  return { ...row, amount: row.amountFen === null ? null : fromFen(row.amountFen) };
}

/** How a ranking table sorts evaluations: by rank, score or office id, ascending unless `order=desc`. */
const evaluationSort = { sort: z.enum(['rank', 'score', 'communityId']).optional(), order: z.enum(['asc', 'desc']).optional() };
const evaluationsQuery = listQuery({ period: periodSchema.optional(), cycleId: text, communityId: text, standing, ...evaluationSort });
const decisionsQuery = listQuery({ cycleId: text, type: text, kind: text, subjectId: text, standing });
const obligationsQuery = listQuery({ cycleId: text, payeeId: idSchema.optional(), status: text, kind: text });
const noticesQuery = listQuery({ kind: text, about: text, cycleId: text, recipientId: idSchema.optional() });
/** Decision and obligation ids contain slashes; `*id` takes them raw or %2F-encoded. */
const slashedId = z.object({ id: z.string().min(1).max(200) });

/** A decision the caller may read: in their county and, for an officer, naming them; else 404. */
export async function readableDecision(ctx: Ctx, res: Response, id: string) {
  const row = await ctx.db.decision.findUnique({ where: { id } });
  if (!row || !seesCounty(res, row.countyId) || (reachOf(res) === 'own' && !namesOfficer(row, ownSubjectOf(res)))) throw Problem.notFound('Decision', id);
  return row;
}

/** An obligation the caller may read: in their county and, for an officer, paying them; else 404. */
export async function readableObligation(ctx: Ctx, res: Response, id: string, entity = 'Obligation') {
  const row = await ctx.db.paymentObligation.findUnique({ where: { id } });
  if (!row || !seesCounty(res, row.countyId) || (reachOf(res) === 'own' && !(await paysOfficer(ctx.db, row, ownSubjectOf(res)))))
    throw Problem.notFound(entity, id);
  return row;
}

export function resultsOperations(
  ctx: Ctx,
): Operations<'listEvaluations' | 'listDecisions' | 'getDecision' | 'listObligations' | 'getObligation' | 'listNotices'> {
  return {
    listEvaluations: {
      query: evaluationsQuery,
      responses: { 200: z.array(evaluationListRow) },
      handler: async (req, res) => {
        const { limit, cursor, standing: s, sort, order = 'asc', ...where } = parseQuery(evaluationsQuery, req.query);
        const own = reachOf(res) === 'own' ? { AND: [{ communityId: { in: await officerCommunities(ctx.db, ownSubjectOf(res)) } }] } : {};
        // Within a cycle by the chosen column, then by office and id so pages never overlap.
        const sorted = sort ? [{ [sort]: order }] : [{ rank: 'asc' as const }];
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: intKey,
          find: (page) =>
            ctx.db.evaluation.findMany({
              where: { ...where, ...countyScope(res), ...own, ...standingWhere(s) },
              orderBy: [{ period: 'asc' }, { cycleId: 'asc' }, ...sorted, { communityId: 'asc' }, { id: 'asc' }],
              ...page,
            }),
        });
        res.json(await withOutcome(ctx.db, await withPendingFlag(ctx.db, rows, (e) => e.communityId)));
      },
    },

    listDecisions: {
      query: decisionsQuery,
      responses: { 200: z.array(decisionRow) },
      handler: async (req, res) => {
        const { limit, cursor, standing: s, ...where } = parseQuery(decisionsQuery, req.query);
        const own = reachOf(res) === 'own' ? { AND: [{ id: { in: await decisionsNaming(ctx.db, countyScope(res), ownSubjectOf(res)) } }] } : {};
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) =>
            ctx.db.decision.findMany({
              where: { ...where, ...countyScope(res), ...own, ...standingWhere(s) },
              orderBy: [{ cycleId: 'asc' }, { type: 'asc' }, { id: 'asc' }],
              ...page,
            }),
        });
        res.json(rows.map(withYuan));
      },
    },

    getDecision: {
      params: slashedId,
      responses: { 200: decisionRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Decision');
        res.json(withYuan(await readableDecision(ctx, res, id)));
      },
    },

    listObligations: {
      query: obligationsQuery,
      responses: { 200: z.array(obligationRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...where } = parseQuery(obligationsQuery, req.query);
        const own = reachOf(res) === 'own' ? { AND: [await obligationsPaying(ctx.db, countyScope(res), ownSubjectOf(res))] } : {};
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: stringKey,
          find: (page) =>
            ctx.db.paymentObligation.findMany({ where: { ...where, ...countyScope(res), ...own }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], ...page }),
        });
        res.json(rows.map(withYuan));
      },
    },

    // One obligation with what has been paid, confirmed and disputed on it.
    getObligation: {
      params: slashedId,
      responses: { 200: obligationDetail },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Obligation');
        const obligation = await readableObligation(ctx, res, id);
        const [payments, disputes] = await Promise.all([
          ctx.db.obligationPayment.findMany({ where: { obligationId: id }, orderBy: { id: 'asc' } }),
          ctx.db.paymentDispute.findMany({ where: { obligationId: id }, orderBy: { id: 'asc' } }),
        ]);
        const paidFen = payments.reduce((sum, p) => sum + p.amountFen, 0);
        res.json({
          ...withYuan(obligation),
          paid: fromFen(paidFen),
          confirmed: fromFen(obligation.confirmedFen),
          payments: payments.map(withYuan),
          disputes,
        });
      },
    },

    // Readers list the county's notices; everyone else the notices addressed to them.
    listNotices: {
      query: noticesQuery,
      responses: { 200: z.array(noticeRow) },
      handler: async (req, res) => {
        const { recipientId, limit, cursor, ...where } = parseQuery(noticesQuery, req.query);
        // Reach own: the notices addressed to the caller; a user linked to no one is addressed by none.
        const me = reachOf(res) === 'own' ? (recipientOf(res) ?? { type: '', id: '' }) : null;
        const addressed = [
          ...(recipientId ? [{ recipients: { some: { recipientId } } }] : []),
          ...(me ? [{ recipients: { some: { recipientType: me.type, recipientId: me.id } } }] : []),
        ];
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: stringKey,
            find: (page) =>
              ctx.db.notice.findMany({
                where: { ...where, ...countyScope(res), AND: addressed },
                include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } },
                orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
                ...page,
              }),
          }),
        );
      },
    },
  };
}

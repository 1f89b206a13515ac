// What the cycles decided, read-only. Money is stored in fen; responses add `amount` in yuan.
import { Router } from 'express';
import { z } from 'zod';
import { withPendingFlag } from '../../db/reassignments.js';
import type { Ctx } from '../context.js';
import { noticeIdOf } from './noticeParams.js';
import { Problem } from '../problem.js';
import { idSchema, periodSchema } from '../schemas.js';
import { intKey, listQuery, readPage, stringKey } from '../pagination.js';
import { noParameters, parseParam, parseQuery } from '../validate.js';
import { fromFen } from '../../core/money.js';

const text = z.string().min(1).optional();
/** `standing=true`: only rows no appeal has replaced; `false`: only the replaced ones. */
const standing = z.enum(['true', 'false'], { error: 'expected true or false' }).optional();
const standingWhere = (s: 'true' | 'false' | undefined) => (s === undefined ? {} : { supersededAt: s === 'true' ? null : { not: null } });

export function withYuan<T extends { amountFen: number | null }>(row: T): T & { amount: number | null } {
  return { ...row, amount: row.amountFen === null ? null : fromFen(row.amountFen) };
}

export function resultsRouter(ctx: Ctx): Router {
  const router = Router();

  router.get('/evaluations', async (req, res) => {
    const {
      limit,
      cursor,
      standing: s,
      ...where
    } = parseQuery(listQuery({ period: periodSchema.optional(), cycleId: text, communityId: text, standing }), req.query);
    const rows = await readPage(req, res, {
      limit,
      cursor,
      key: intKey,
      find: (page) =>
        ctx.db.evaluation.findMany({
          where: { ...where, ...standingWhere(s) },
          orderBy: [{ period: 'asc' }, { cycleId: 'asc' }, { rank: 'asc' }, { communityId: 'asc' }, { id: 'asc' }],
          ...page,
        }),
    });
    res.json(await withPendingFlag(ctx.db, rows, (e) => e.communityId));
  });

  router.get('/decisions', async (req, res) => {
    const { limit, cursor, standing: s, ...where } = parseQuery(listQuery({ cycleId: text, type: text, kind: text, subjectId: text, standing }), req.query);
    const rows = await readPage(req, res, {
      limit,
      cursor,
      key: stringKey,
      find: (page) =>
        ctx.db.decision.findMany({ where: { ...where, ...standingWhere(s) }, orderBy: [{ cycleId: 'asc' }, { type: 'asc' }, { id: 'asc' }], ...page }),
    });
    res.json(rows.map(withYuan));
  });

  // Decision ids contain slashes; `*id` takes them raw or %2F-encoded, as obligations and notices do.
  router.get('/decisions/*id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Decision');
    const row = await ctx.db.decision.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('Decision', id);
    res.json(withYuan(row));
  });

  router.get('/obligations', async (req, res) => {
    const { limit, cursor, ...where } = parseQuery(listQuery({ cycleId: text, payeeId: idSchema.optional(), status: text, kind: text }), req.query);
    const rows = await readPage(req, res, {
      limit,
      cursor,
      key: stringKey,
      find: (page) => ctx.db.paymentObligation.findMany({ where, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], ...page }),
    });
    res.json(rows.map(withYuan));
  });

  // One obligation with what has been paid, confirmed and disputed on it; ids contain slashes, as decisions' do.
  router.get('/obligations/*id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Obligation');
    const obligation = await ctx.db.paymentObligation.findUnique({ where: { id } });
    if (!obligation) throw Problem.notFound('Obligation', id);
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
  });

  router.get('/notices', async (req, res) => {
    const q = parseQuery(listQuery({ kind: text, about: text, cycleId: text, recipientId: idSchema.optional() }), req.query);
    const { recipientId, limit, cursor, ...where } = q;
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: stringKey,
        find: (page) =>
          ctx.db.notice.findMany({
            where: { ...where, ...(recipientId ? { recipients: { some: { recipientId } } } : {}) },
            include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            ...page,
          }),
      }),
    );
  });

  return router;
}

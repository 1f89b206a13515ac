// What the cycles decided, read-only. Money is stored in fen; responses add `amount` in yuan.
import { Router } from 'express';
import { z } from 'zod';
import { withPendingFlag } from '../../db/reassignments.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { idSchema, periodSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';

const text = z.string().min(1).optional();

export function withYuan<T extends { amountFen: number | null }>(row: T): T & { amount: number | null } {
  return { ...row, amount: row.amountFen === null ? null : Math.round(row.amountFen) / 100 };
}

export function resultsRouter(ctx: Ctx): Router {
  const router = Router();

  router.get('/evaluations', async (req, res) => {
    const q = parseQuery(z.object({ period: periodSchema.optional(), cycleId: text, communityId: text }), req.query);
    const rows = await ctx.db.evaluation.findMany({
      where: q,
      orderBy: [{ period: 'asc' }, { cycleId: 'asc' }, { rank: 'asc' }, { communityId: 'asc' }],
    });
    res.json(await withPendingFlag(ctx.db, rows, (e) => e.communityId));
  });

  router.get('/decisions', async (req, res) => {
    const q = parseQuery(z.object({ cycleId: text, type: text, kind: text, subjectId: text }), req.query);
    const rows = await ctx.db.decision.findMany({ where: q, orderBy: [{ cycleId: 'asc' }, { type: 'asc' }, { id: 'asc' }] });
    res.json(rows.map(withYuan));
  });

  router.get('/decisions/:id', async (req, res) => {
    const id = parseParam(z.string().min(1).max(200), req.params.id, 'Decision');
    const row = await ctx.db.decision.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('Decision', id);
    res.json(withYuan(row));
  });

  router.get('/obligations', async (req, res) => {
    const q = parseQuery(z.object({ cycleId: text, payeeId: idSchema.optional(), status: text, kind: text }), req.query);
    const rows = await ctx.db.paymentObligation.findMany({ where: q, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] });
    res.json(rows.map(withYuan));
  });

  router.get('/notices', async (req, res) => {
    const q = parseQuery(z.object({ kind: text, about: text, cycleId: text, recipientId: idSchema.optional() }), req.query);
    const { recipientId, ...where } = q;
    res.json(await ctx.db.notice.findMany({
      where: { ...where, ...(recipientId ? { recipients: { some: { recipientId } } } : {}) },
      include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }));
  });

  return router;
}

import { Router } from 'express';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { parseQuery } from '../validate.js';

const text = z.string().min(1).optional();

export function auditRouter(ctx: Ctx): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const where = parseQuery(z.object({ entity: text, entityId: text, actor: text, action: text }), req.query);
    res.json(await ctx.db.auditEntry.findMany({ where, orderBy: { id: 'asc' } }));
  });
  return router;
}

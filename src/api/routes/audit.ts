import { Router } from 'express';
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { parseQuery } from '../validate.js';

const text = z.string().min(1).optional();
const auditQuery = listQuery({ entity: text, entityId: text, actor: text, action: text });

export function auditRouter(ctx: Ctx): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const { limit, cursor, ...where } = parseQuery(auditQuery, req.query);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) => ctx.db.auditEntry.findMany({ where, orderBy: { id: 'asc' }, ...page }),
      }),
    );
  });
  return router;
}

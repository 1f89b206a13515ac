// The counties a caller can see: their own, or every county for a province reader.
import { z } from 'zod';
import type { Operations } from '../access/operations.js';
import { principalOf, seesCounty } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { Problem } from '../problem.js';
import { idSchema } from '../schemas.js';
import { parseParam, parseQuery } from '../validate.js';
import { countySchema } from './accounts.schemas.js';

const countiesQuery = listQuery({});

export function countiesOperations(ctx: Ctx): Operations<'listCounties' | 'getCounty'> {
  return {
    listCounties: {
      query: countiesQuery,
      responses: { 200: z.array(countySchema) },
      handler: async (req, res) => {
        const { limit, cursor } = parseQuery(countiesQuery, req.query);
        const { countyId } = principalOf(res);
        const where = countyId === null ? {} : { id: countyId };
        res.json(
          await readPage(req, res, { limit, cursor, key: stringKey, find: (page) => ctx.db.county.findMany({ where, orderBy: { id: 'asc' }, ...page }) }),
        );
      },
    },
    getCounty: {
      params: z.object({ id: idSchema }),
      responses: { 200: countySchema },
      handler: async (req, res) => {
        const id = parseParam(idSchema, req.params.id, 'County');
        const county = seesCounty(res, id) ? await ctx.db.county.findUnique({ where: { id } }) : null;
        if (!county) throw Problem.notFound('County', id);
        res.json(county);
      },
    },
  };
}

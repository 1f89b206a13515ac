// The audit log: who did what, as whom, in which county and signed in how. Bureau staff and the
// bureau head read their county's rows; a province reader reads every county's.
import { z } from 'zod';
import type { Operations } from '../access/operations.js';
import { countyScope } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { parseQuery } from '../validate.js';
import { auditRow } from './registry.schemas.js';

const text = z.string().min(1).optional();
const auditQuery = listQuery({ entity: text, entityId: text, actor: text, action: text });

export function auditOperations(ctx: Ctx): Operations<'listAudit'> {
  return {
    listAudit: {
      query: auditQuery,
      responses: { 200: z.array(auditRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...filters } = parseQuery(auditQuery, req.query);
        const where = { ...filters, ...countyScope(res) };
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) => ctx.db.auditEntry.findMany({ where, orderBy: { id: 'asc' }, ...page }),
          }),
        );
      },
    },
  };
}

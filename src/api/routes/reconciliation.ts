// GET /api/payments/reconciliation?period=2026-Q1|2026[&format=json|csv|xlsx]: decided, paid,
// confirmed, overdue and disputed amounts per payee and in total, as of today, over the caller's
// county (a province reader's: every county).
import type { RequestHandler } from 'express';
import { countyScope } from '../access/principal.js';
import { z } from 'zod';
import { reconcile, type Amounts, type ObligationStanding } from '../../core/reconciliation.js';
import type { Obligation } from '../../core/types.js';
import type { Ctx } from '../context.js';
import { columns, reconciliationCsv, reconciliationXlsx } from '../reconciliationExport.js';
import { parseQuery } from '../validate.js';
import { fromFen } from '../../core/money.js';

export const reconciliationQuery = z.object({
  period: z.string().regex(/^\d{4}(-Q[1-4])?$/, 'expected a year (YYYY) or a quarter (YYYY-Qn)'),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** The media types of the exports, as answered and as documented. */
export const reconciliationMediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The exports as the OpenAPI document lists them beside the JSON answer. */
export const reconciliationExports = [
  { mediaType: reconciliationMediaTypes.csv, description: 'format=csv: the reconciliation as CSV (UTF-8), one line per payee and a total line' },
  { mediaType: reconciliationMediaTypes.xlsx, description: 'format=xlsx: the reconciliation as an XLSX workbook' },
] as const;

const yuan = <T extends Amounts>(a: T): T => ({ ...a, ...Object.fromEntries(columns.map((c) => [c, fromFen(a[c])])) });

async function loadReconciliation(ctx: Ctx, scope: { countyId?: string }, period: string) {
  // Quarter obligations are `2026-Q1/…`, rewards `2026/reward/…`: a year takes both.
  const prefix = period.includes('-Q') ? `${period}/` : period;
  const rows = await ctx.db.paymentObligation.findMany({ where: { ...scope, id: { startsWith: prefix } }, orderBy: { id: 'asc' } });
  const ids = rows.map((r) => r.id);
  const [payments, disputes] = await Promise.all([
    ctx.db.obligationPayment.findMany({ where: { obligationId: { in: ids } } }),
    ctx.db.paymentDispute.findMany({ where: { obligationId: { in: ids }, resolvedAt: null }, select: { obligationId: true } }),
  ]);
  const disputed = new Set(disputes.map((d) => d.obligationId));
  const standings: ObligationStanding[] = rows.map((r) => ({
    obligation: { id: r.id, kind: r.kind as Obligation['kind'], payees: [], community: '', amount: fromFen(r.amountFen), due: r.dueOn },
    payeeType: r.payeeType,
    payeeId: r.payeeId,
    status: r.status,
    confirmedFen: r.confirmedFen,
    disputed: disputed.has(r.id),
  }));
  return reconcile(
    standings,
    payments.map((p) => ({ obligation: p.obligationId, amount: fromFen(p.amountFen), paidOn: p.paidOn })),
    ctx.today(),
  );
}

export function reconciliationRoute(ctx: Ctx): RequestHandler {
  return async (req, res) => {
    const q = parseQuery(reconciliationQuery, req.query);
    const r = await loadReconciliation(ctx, countyScope(res), q.period);
    const file = `reconciliation-${q.period}`;
    if (q.format === 'csv') {
      res.type(`${reconciliationMediaTypes.csv}; charset=utf-8`).attachment(`${file}.csv`).send(reconciliationCsv(r));
    } else if (q.format === 'xlsx') {
      res
        .type(reconciliationMediaTypes.xlsx)
        .attachment(`${file}.xlsx`)
        .send(await reconciliationXlsx(r, q.period));
    } else {
      res.json({ period: q.period, asOf: r.asOf, balanced: r.balanced, total: yuan(r.total), rows: r.rows.map(yuan) });
    }
  };
}

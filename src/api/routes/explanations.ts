// Why a decision was made: the rule-set version in force, the facts the rule saw, each
// condition's result, and one sentence in Chinese and one in English.
import { z } from 'zod';
import { cadences } from '../../core/cadences.js';
import { explainDecision, splitRecordedFacts } from '../../rules/explanation.js';
import type { Ctx } from '../context.js';
import { noticeIdOf } from './noticeParams.js';
import type { Operations } from '../access/operations.js';
import { readableDecision } from './results.js';
import { explanation } from './money.schemas.js';
import { noParameters, parseParam } from '../validate.js';
import { fromFen } from '../../core/money.js';

// Readers explain any decision of their county; an officer only one that names them.
export function explanationsOperations(ctx: Ctx): Operations<'getDecisionExplanation'> {
  return {
    getDecisionExplanation: {
      params: z.object({ id: z.string().min(1).max(200) }),
      responses: { 200: explanation },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(z.string().min(1).max(200), noticeIdOf(req.params.id), 'Decision');
        const row = await readableDecision(ctx, res, id);
        const version =
          row.ruleSetVersionId === null
            ? null
            : await ctx.db.ruleSetVersion.findUnique({
                where: { id: row.ruleSetVersionId },
                select: { id: true, name: true, effectiveFrom: true, author: true, reason: true },
              });
        const cycle = await ctx.db.cycle.findUnique({ where: { id: row.cycleId }, select: { kind: true } });
        const cadence = cadences.find((c) => c === cycle?.kind);
        const { facts, conditions } = splitRecordedFacts(row.facts);
        const honours = await ctx.db.honourRecord.findMany({ where: { decisionId: row.id }, select: { honour: true } });
        const amount = row.amountFen === null ? null : fromFen(row.amountFen);
        const sentence = explainDecision({
          type: row.type,
          kind: row.kind,
          rule: row.rule,
          facts,
          conditions,
          amount,
          honours: [...new Set(honours.map((h) => h.honour))],
          cadence,
        });
        res.json({
          decision: row.id,
          cycleId: row.cycleId,
          type: row.type,
          kind: row.kind,
          subjectId: row.subjectId,
          officers: row.officers,
          amount,
          rule: row.rule,
          ruleSetVersion: version,
          facts,
          conditions,
          because: row.reason,
          ...sentence,
          // An appeal's re-decision replaced it (by: null where it fell away); the reason is in Chinese and English.
          superseded: row.supersededAt ? { by: row.supersededBy, appeal: row.supersededByAppeal, at: row.supersededAt, reason: row.supersededReason } : null,
          ...(row.appealId === null ? {} : { appeal: row.appealId }),
        });
      },
    },
  };
}

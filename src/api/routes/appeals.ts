// Appeals (申诉): officers file them, the bureau decides them, everyone can follow the chain from
// the appeal to the rows it replaced and the payments it held or corrected. Each write commits
// first and then starts or tells the appeal's workflow through the workflow port.
import { Router } from 'express';
import { z } from 'zod';
import { appealFacts, appealsFreezing, type Appeal } from '../../db/appeals.js';
import type { Db } from '../../db/client.js';
import { explainAppeal, type AppealOutcome } from '../../notices/appealText.js';
import { appealDecidedSignalName, appealWorkflowId, type AppealDecided } from '../../contracts/appeals.js';
import { decideAppeal, fileAppeal } from '../appealLedger.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { idSchema, metricSchema } from '../schemas.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';
import { noticeIdOf } from './noticeParams.js';
import { withYuan } from './results.js';

const text = z.string().trim().min(1, 'required').max(2000);
const correction = { metric: metricSchema.optional(), value: z.number().finite().optional() };
const bothOrNeither = (c: { metric?: unknown; value?: unknown }, ctx: z.RefinementCtx) => {
  if (c.metric !== undefined && c.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: 'expected the corrected value of the metric' });
  if (c.value !== undefined && c.metric === undefined)
    ctx.addIssue({ code: 'custom', path: ['metric'], message: 'expected the metric the corrected value is for' });
};
const filingSchema = z
  .discriminatedUnion(
    'contests',
    [
      z.strictObject({ contests: z.literal('evaluation'), officerId: idSchema, cycleId: z.string().min(1).max(100), reason: text, ...correction }),
      z.strictObject({ contests: z.literal('decision'), officerId: idSchema, decisionId: z.string().min(1).max(200), reason: text, ...correction }),
    ],
    { error: 'expected contests "evaluation" (with cycleId) or "decision" (with decisionId)' },
  )
  .superRefine(bothOrNeither);
const decisionSchema = z
  .strictObject({
    outcome: z.enum(['upheld', 'overturned'], { error: 'expected upheld or overturned' }),
    reason: text,
    ...correction,
  })
  .superRefine(bothOrNeither);
const appealIdSchema = z.coerce.number().int().positive();

/** The appeal with its explanation and every row it held, replaced or created. */
async function appealChain(db: Db, a: Appeal) {
  const [frozen, superseded, created, evaluationsReplaced, evaluationsCreated, notices] = await Promise.all([
    appealsFreezing(db, a.cycleId),
    db.decision.findMany({ where: { supersededByAppeal: a.id }, orderBy: { id: 'asc' } }),
    db.decision.findMany({ where: { appealId: a.id }, orderBy: { id: 'asc' } }),
    db.evaluation.findMany({ where: { supersededByAppeal: a.id }, orderBy: { communityId: 'asc' } }),
    db.evaluation.findMany({ where: { appealId: a.id }, orderBy: { communityId: 'asc' } }),
    // The appeal's own notices, and those its re-decision published (corrections, withdrawals, new joint notices).
    db.notice.findMany({
      where: { OR: [{ about: `appeal/${a.id}` }, { id: { in: (a.outcome as { published?: string[] } | null)?.published ?? [] } }] },
      select: { id: true, kind: true, titleZh: true, withdrawnAt: true, createdAt: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  const held = frozen.includes(a.id) ? await db.paymentObligation.count({ where: { cycleId: a.cycleId, status: { not: 'cancelled' } } }) : 0;
  return {
    ...a,
    explanation: explainAppeal(await appealFacts(db, a), a.outcome as unknown as AppealOutcome | null),
    /** Obligations of the cycle this appeal holds (all of them while it is open, then none). */
    paymentsHeld: held,
    decisions: { replaced: superseded.map(withYuan), created: created.map(withYuan) },
    evaluations: { replaced: evaluationsReplaced, created: evaluationsCreated },
    notices,
  };
}

export function appealsRouter(ctx: Ctx): Router {
  const router = Router();

  router.post('/appeals', async (req, res) => {
    const f = parseBody(filingSchema, req.body);
    const { appeal, timing } = await fileAppeal(ctx.db, actorOf(res), ctx.today(), f);
    let reviewStarted = true;
    try {
      await ctx.cycles.startAppeal(appeal.id, timing);
    } catch (err) {
      // The appeal is stored and holds the payments already; starting the review again is safe.
      ctx.log.error({ err }, `appeal ${appeal.id} is stored but its review could not be started`);
      reviewStarted = false;
    }
    res
      .status(201)
      .location(`${req.baseUrl}/appeals/${appeal.id}`)
      .json({ ...(await appealChain(ctx.db, appeal)), reviewStarted });
  });

  router.get('/appeals', async (req, res) => {
    const { limit, cursor, ...where } = parseQuery(
      listQuery({
        officerId: idSchema.optional(),
        cycleId: z.string().min(1).optional(),
        status: z.enum(['open', 'upheld', 'overturned']).optional(),
      }),
      req.query,
    );
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: intKey,
        find: (page) => ctx.db.appeal.findMany({ where, orderBy: { id: 'asc' }, ...page }),
      }),
    );
  });

  router.get('/appeals/:id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(appealIdSchema, req.params.id, 'appeal');
    const appeal = await ctx.db.appeal.findUnique({ where: { id } });
    if (!appeal) throw Problem.notFound('appeal', id);
    res.json(await appealChain(ctx.db, appeal));
  });

  router.post('/appeals/:id/decision', async (req, res) => {
    const id = parseParam(appealIdSchema, req.params.id, 'appeal');
    const d = parseBody(decisionSchema, req.body);
    const appeal = await decideAppeal(ctx.db, actorOf(res), ctx.now(), id, d);
    const followedUp = await ctx.signals.signal(appealWorkflowId(id), appealDecidedSignalName, { status: appeal.status } satisfies AppealDecided);
    res.json({ ...(await appealChain(ctx.db, appeal)), followedUp });
  });

  /** An obligation's amounts over time: each revision of its decision, who replaced it and why, and the appeals holding it. */
  router.get('/obligations/*id/appeals', async (req, res) => {
    noParameters(req.query);
    const id = noticeIdOf(req.params.id);
    const row = await ctx.db.paymentObligation.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('obligation', id);
    const current = await ctx.db.decision.findUnique({ where: { id: row.decisionId } });
    const revisions = current
      ? await ctx.db.decision.findMany({ where: { cycleId: current.cycleId, kind: current.kind, subjectId: current.subjectId }, orderBy: { revision: 'asc' } })
      : [];
    const heldBy = await appealsFreezing(ctx.db, row.cycleId);
    res.json({
      obligation: withYuan(row),
      frozen: heldBy.length > 0,
      heldBy,
      appeals: await ctx.db.appeal.findMany({ where: { cycleId: row.cycleId }, orderBy: { id: 'asc' } }),
      revisions: revisions.map(withYuan),
    });
  });

  return router;
}

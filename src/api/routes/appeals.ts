// Appeals (申诉): an officer files them for themselves, bureau staff decide them, readers follow
// the chain from the appeal to the rows it replaced and the payments it held or corrected; an
// officer reads their own appeals. Each write commits first and then starts or tells the
// appeal's workflow through the workflow port.
import { z } from 'zod';
import { appealFacts, appealsFreezing, type Appeal } from '../../db/appeals.js';
import type { Db } from '../../db/client.js';
import { explainAppeal, type AppealOutcome } from '../../notices/appealText.js';
import { appealDecidedSignalName, appealWorkflowId, type AppealDecided } from '../../contracts/appeals.js';
import { decideAppeal, fileAppeal } from '../appealLedger.js';
import { reachOf, type Operations } from '../access/operations.js';
import { mustBeCaller, ownSubjectOf } from '../access/acting.js';
import { actorOf, countyOf, countyScope, seesCounty } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { idSchema, metricSchema } from '../schemas.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';
import { noticeIdOf } from './noticeParams.js';
import { readableObligation, withYuan } from './results.js';
import { appealRow, decidedAppeal, filedAppeal, appealChain as appealChainSchema, obligationAppeals } from './money.schemas.js';

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
      z.strictObject({ contests: z.literal('evaluation'), officerId: idSchema.optional(), cycleId: z.string().min(1).max(100), reason: text, ...correction }),
      z.strictObject({ contests: z.literal('decision'), officerId: idSchema.optional(), decisionId: z.string().min(1).max(200), reason: text, ...correction }),
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

const appealsQuery = listQuery({
  officerId: idSchema.optional(),
  cycleId: z.string().min(1).optional(),
  status: z.enum(['open', 'upheld', 'overturned']).optional(),
});
const appealParams = z.object({ id: appealIdSchema });

export function appealsOperations(ctx: Ctx): Operations<'fileAppeal' | 'listAppeals' | 'getAppeal' | 'decideAppeal' | 'listObligationAppeals'> {
  /** An appeal the caller may read: of their county and, for an officer, their own; else 404. */
  const readable = async (res: Parameters<typeof reachOf>[0], id: number) => {
    const appeal = await ctx.db.appeal.findUnique({ where: { id } });
    if (!appeal || !seesCounty(res, appeal.countyId) || (reachOf(res) === 'own' && appeal.officerId !== ownSubjectOf(res)))
      throw Problem.notFound('appeal', id);
    return appeal;
  };

  return {
    // The officer files for themselves: officerId, when given, must be theirs.
    fileAppeal: {
      body: filingSchema,
      responses: { 201: filedAppeal },
      handler: async (req, res) => {
        const f = parseBody(filingSchema, req.body);
        const me = ownSubjectOf(res);
        mustBeCaller(res, { pointer: '/officerId' }, f.officerId, me);
        const { appeal, timing } = await fileAppeal(ctx.db, { actor: actorOf(res), countyId: countyOf(res) }, ctx.today(), { ...f, officerId: me });
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
      },
    },

    listAppeals: {
      query: appealsQuery,
      responses: { 200: z.array(appealRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...where } = parseQuery(appealsQuery, req.query);
        const own = reachOf(res) === 'own' ? { AND: [{ officerId: ownSubjectOf(res) }] } : {};
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) => ctx.db.appeal.findMany({ where: { ...where, ...countyScope(res), ...own }, orderBy: { id: 'asc' }, ...page }),
          }),
        );
      },
    },

    getAppeal: {
      params: appealParams,
      responses: { 200: appealChainSchema },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(appealIdSchema, req.params.id, 'appeal');
        res.json(await appealChain(ctx.db, await readable(res, id)));
      },
    },

    // decidedBy is the bureau staff user of the request.
    decideAppeal: {
      params: appealParams,
      body: decisionSchema,
      responses: { 200: decidedAppeal },
      handler: async (req, res) => {
        const id = parseParam(appealIdSchema, req.params.id, 'appeal');
        const d = parseBody(decisionSchema, req.body);
        const appeal = await decideAppeal(ctx.db, { actor: actorOf(res), countyId: countyOf(res) }, ctx.now(), id, d);
        const followedUp = await ctx.signals.signal(appealWorkflowId(id), appealDecidedSignalName, { status: appeal.status } satisfies AppealDecided);
        res.json({ ...(await appealChain(ctx.db, appeal)), followedUp });
      },
    },

    /** An obligation's amounts over time: each revision of its decision, who replaced it and why, and the appeals holding it. */
    listObligationAppeals: {
      params: z.object({ id: z.string().min(1).max(200) }),
      responses: { 200: obligationAppeals },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = noticeIdOf(req.params.id);
        const row = await readableObligation(ctx, res, id, 'obligation');
        const current = await ctx.db.decision.findUnique({ where: { id: row.decisionId } });
        const revisions = current
          ? await ctx.db.decision.findMany({
              where: { cycleId: current.cycleId, kind: current.kind, subjectId: current.subjectId },
              orderBy: { revision: 'asc' },
            })
          : [];
        const heldBy = await appealsFreezing(ctx.db, row.cycleId);
        res.json({
          obligation: withYuan(row),
          frozen: heldBy.length > 0,
          heldBy,
          // An officer sees which appeals hold their money, but reads only their own.
          appeals: await ctx.db.appeal.findMany({
            where: { cycleId: row.cycleId, ...(reachOf(res) === 'own' ? { officerId: ownSubjectOf(res) } : {}) },
            orderBy: { id: 'asc' },
          }),
          revisions: revisions.map(withYuan),
        });
      },
    },
  };
}

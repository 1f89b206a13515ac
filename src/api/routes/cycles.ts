// Evaluation cycles run on the cycle machinery (Temporal); the API starts them — only for a period
// that has ended, of a year from 2000 — and reports on them; the workflow writes the Cycle row.
// A cycle is one county's: bureau staff start their county's, everyone reads their county's (a
// province reader every county's), and another county's cycle answers 404. A cycle whose run
// failed may be started again; one running or decided may not.
import { z } from 'zod';
import { cycleKinds } from '../../contracts/cycles.js';
import { cadences, cycleKindDescriptors } from '../../core/cadences.js';
import { CycleAlreadyStartedError } from '../../cycles/port.js';
import { outOfBounds, periodSpan, yearSpan } from '../../core/periodBounds.js';
import { parsePeriod } from '../../core/calendar.js';
import { countyOfCycle, findCycle } from '../../db/cycles.js';
import { cadenceInForce } from '../../db/ruleSets.js';
import { audited } from '../../db/audit.js';
import type { Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf, seesCounty } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { cycleView } from '../cycleView.js';
import { Problem } from '../problem.js';
import { idSchema, periodOf, periodSchema } from '../schemas.js';
import { listQuery, readPage, stringKey } from '../pagination.js';
import { noParameters, parseBody, parseParam, parseQuery } from '../validate.js';

const { pattern, unit, notation } = cycleKindDescriptors['year-end'];
const yearSchema = z.string().regex(pattern, `expected a ${unit} as ${notation}`);
const startSchema = z.discriminatedUnion(
  'kind',
  [z.strictObject({ kind: z.literal('year-end'), period: yearSchema }), ...cadences.map((c) => z.strictObject({ kind: z.literal(c), period: periodOf(c) }))],
  { error: `expected "kind" to be one of ${cycleKinds.map((k) => `"${k}"`).join(', ')}` },
);
const cyclesQuery = listQuery({ kind: z.enum(cycleKinds).optional(), period: z.union([periodSchema, yearSchema]).optional(), status: z.string().optional() });
const idParams = z.object({ id: idSchema });

const started = z.object({ cycleId: z.string() });
/** A Cycle row as the list answers it. */
const cycleRow = z.looseObject({
  id: z.string(),
  countyId: z.string(),
  kind: z.enum(cycleKinds),
  period: z.string(),
  status: z.string(),
  ruleSetVersionId: z.number().int(),
  gaps: z.unknown().nullable(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  failureType: z.string().nullable(),
  failureReason: z.string().nullable(),
  failureFix: z.string().nullable(),
  failedAt: z.string().nullable(),
});
/** GET /cycles/{id}: the run and the row in one (src/api/cycleView.ts). */
const cycleViewSchema = z.looseObject({
  cycleId: z.string(),
  countyId: z.string(),
  kind: z.string(),
  period: z.string(),
  status: z.enum(['running', 'decided', 'failed']),
  step: z.string().optional(),
  waitingFor: z.array(z.looseObject({ community: z.string(), metric: z.string(), source: z.string() })).optional(),
  waitingForQuarters: z.array(z.string()).optional(),
  deadline: z.string().optional(),
  failure: z.looseObject({ type: z.string().optional(), reason: z.string(), fix: z.string(), at: z.string().optional() }).optional(),
  execution: z.string().nullable(),
  ruleSetVersionId: z.number().int().nullable(),
  gaps: z.unknown(),
  startedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export function cyclesOperations(ctx: Ctx): Operations<'startCycle' | 'listCycles' | 'getCycle'> {
  return {
    startCycle: {
      body: startSchema,
      responses: { 202: started },
      handler: async (req, res) => {
        const { kind, period } = parseBody(startSchema, req.body);
        const countyId = countyOf(res);
        const ref = kind === 'year-end' ? undefined : parsePeriod(period);
        const bounds = outOfBounds(ref ? periodSpan(ref) : yearSpan(Number(period)), ctx.now(), ctx.timeZone);
        if (bounds) throw Problem.field(422, { pointer: '/period', message: bounds.message });
        if (ref) {
          const { evaluated, reason } = await cadenceInForce(ctx.db, countyId, ref);
          if (!evaluated) throw Problem.field(422, { pointer: '/kind', message: reason! });
        }
        const alreadyStarted = (id: string) =>
          Problem.field(409, { pointer: '/period', message: `the ${kind} cycle for ${period} (${id}) has already been started` });
        // The county's cycle of the period, whatever its id (one made before counties keeps its
        // old one): running or decided, it is not started twice; failed, it is started again.
        const existing = await findCycle(ctx.db, countyId, kind, period);
        if (existing && existing.status !== 'failed') throw alreadyStarted(existing.id);
        const actor = actorOf(res);
        let cycleId: string;
        try {
          ({ cycleId } = await ctx.cycles.start(countyId, kind, period, await starterOf(ctx, res)));
        } catch (err) {
          if (err instanceof CycleAlreadyStartedError) throw alreadyStarted(err.cycleId);
          throw err;
        }
        await audited(ctx.db, actor, { action: 'start', entity: 'Cycle', entityId: cycleId, after: { countyId, kind, period } });
        res
          .status(202)
          .location(`${req.baseUrl}/cycles/${encodeURIComponent(cycleId)}`)
          .json({ cycleId });
      },
    },

    listCycles: {
      query: cyclesQuery,
      responses: { 200: z.array(cycleRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...filters } = parseQuery(cyclesQuery, req.query);
        const where = { ...filters, ...countyScope(res) };
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: stringKey,
            find: (page) => ctx.db.cycle.findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], ...page }),
          }),
        );
      },
    },

    getCycle: {
      params: idParams,
      responses: { 200: cycleViewSchema },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(idSchema, req.params.id, 'Cycle');
        const row = await ctx.db.cycle.findUnique({ where: { id } });
        const countyId = countyOfCycle(id, row);
        if (!seesCounty(res, countyId)) throw Problem.notFound('Cycle', id);
        const run = await ctx.cycles.status(id);
        if (!run && !row) throw Problem.notFound('Cycle', id);
        res.json({ ...cycleView(id, run, row), countyId });
      },
    },
  };
}

/** The user starting a cycle by hand, with the name the Temporal UI shows. */
async function starterOf(ctx: Ctx, res: Parameters<typeof principalOf>[0]) {
  const { userId } = principalOf(res);
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  const name = user?.displayName ?? (await ctx.db.apiUser.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? userId;
  return { userId, name };
}

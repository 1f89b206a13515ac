// Evaluation cycles run on the cycle machinery (Temporal); the API starts them — only for a period
// that has ended, of a year from 2000 — and reports on them; the workflow writes the Cycle row.
// A cycle whose run failed may be started again; one running or decided may not.
import { Router } from 'express';
import { z } from 'zod';
import { cycleKinds } from '../../contracts/cycles.js';
import { cadences, cycleKindDescriptors } from '../../core/cadences.js';
import { CycleAlreadyStartedError } from '../../cycles/port.js';
import { outOfBounds, periodSpan, yearSpan } from '../../core/periodBounds.js';
import { parsePeriod } from '../../core/calendar.js';
import { cadenceInForce } from '../../db/ruleSets.js';
import { audited } from '../../db/audit.js';
import { actorOf } from '../access/principal.js';
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

export function cyclesRouter(ctx: Ctx): Router {
  const router = Router();

  router.post('/', async (req, res) => {
    const { kind, period } = parseBody(startSchema, req.body);
    const ref = kind === 'year-end' ? undefined : parsePeriod(period);
    const bounds = outOfBounds(ref ? periodSpan(ref) : yearSpan(Number(period)), ctx.now(), ctx.timeZone);
    if (bounds) throw Problem.field(422, { pointer: '/period', message: bounds.message });
    if (ref) {
      const { evaluated, reason } = await cadenceInForce(ctx.db, ref);
      if (!evaluated) throw Problem.field(422, { pointer: '/kind', message: reason! });
    }
    const actor = actorOf(res);
    let cycleId: string;
    try {
      ({ cycleId } = await ctx.cycles.start(kind, period, actor));
    } catch (err) {
      if (err instanceof CycleAlreadyStartedError) {
        throw Problem.field(409, { pointer: '/period', message: `the ${kind} cycle for ${period} (${err.cycleId}) has already been started` });
      }
      throw err;
    }
    await audited(ctx.db, actor, { action: 'start', entity: 'Cycle', entityId: cycleId, after: { kind, period } });
    res
      .status(202)
      .location(`${req.baseUrl}/${encodeURIComponent(cycleId)}`)
      .json({ cycleId });
  });

  router.get('/', async (req, res) => {
    const { limit, cursor, ...where } = parseQuery(cyclesQuery, req.query);
    res.json(
      await readPage(req, res, {
        limit,
        cursor,
        key: stringKey,
        find: (page) => ctx.db.cycle.findMany({ where, orderBy: [{ startedAt: 'desc' }, { id: 'asc' }], ...page }),
      }),
    );
  });

  router.get('/:id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(idSchema, req.params.id, 'Cycle');
    const [run, row] = await Promise.all([ctx.cycles.status(id), ctx.db.cycle.findUnique({ where: { id } })]);
    if (!run && !row) throw Problem.notFound('Cycle', id);
    res.json(cycleView(id, run, row));
  });

  return router;
}

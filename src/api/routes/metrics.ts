// Figure submissions. Only a department submits, only the metrics the rule set says it supplies
// and only for communities of its county. A submission is stored whole or not at all, then each
// community's running cycle (if any) of the county hears which of its figures arrived.
import express, { type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { cycleKindDescriptors } from '../../core/cadences.js';
import { parsePeriod, periodEnd } from '../../core/calendar.js';
import { auditedMany, type AuditActor, type AuditChange, type Tx } from '../../db/audit.js';
import { figureCompleteness } from '../../db/figureCompleteness.js';
import { officesOn } from '../../db/offices.js';
import { cadenceInForce, ruleSetInForce, type RuleSetVersionRef } from '../../db/ruleSets.js';
import { reachOf, type Operations } from '../access/operations.js';
import { ownSubjectOf } from '../access/acting.js';
import { actorOf, countyOf, countyScope } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { figuresFromCsv } from '../csv-figures.js';
import { fail, metricsBodySchema, type Figure, type Locate } from '../figures.js';
import { figureRow, storedFigures } from './money.schemas.js';
import { z } from 'zod';
import { Problem, where, type FieldError } from '../problem.js';
import { idSchema, metricSchema, periodSchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { parseBody, parseQuery } from '../validate.js';

const limit = 1024 * 1024;

/** Who submits: the department, the user acting for it (for the audit) and its county. */
interface Submitter {
  department: string;
  actor: AuditActor;
  countyId: string;
}

const distinct = (figures: Figure[], field: 'period' | 'communityId') => [...new Set(figures.map((f) => f[field]))];
const keyOf = (f: { period: string; communityId: string; metric: string }) => `${f.period}/${f.communityId}/${f.metric}`;

async function checkReferences(tx: Tx, countyId: string, figures: Figure[], locate: Locate): Promise<void> {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  figures.forEach((f, i) => {
    const first = seen.get(keyOf(f));
    if (first === undefined) seen.set(keyOf(f), i);
    else
      errors.push({
        ...locate(i, 'metric'),
        message: `${f.metric} for ${f.communityId} in ${f.period} is given twice (also at ${where(locate(first, 'metric'))})`,
      });
  });
  const ids = async (rows: Promise<{ id: string }[]>) => new Set((await rows).map((r) => r.id));
  // Another county's community is as unknown as a missing one.
  const communities = await ids(tx.community.findMany({ where: { id: { in: distinct(figures, 'communityId') }, countyId }, select: { id: true } }));
  figures.forEach((f, i) => {
    if (!communities.has(f.communityId)) errors.push({ ...locate(i, 'communityId'), message: `community ${f.communityId} does not exist` });
  });
  if (errors.length) fail(errors);
}

/** Figures for a month or half-year the rules do not evaluate would wait for a cycle that never comes. */
async function checkPeriods(ctx: Ctx, countyId: string, figures: Figure[], locate: Locate): Promise<void> {
  const errors: FieldError[] = [];
  for (const period of distinct(figures, 'period')) {
    const ref = parsePeriod(period);
    if (cycleKindDescriptors[ref.cadence].alwaysEvaluated) continue;
    const { evaluated, reason } = await cadenceInForce(ctx.db, countyId, ref);
    if (!evaluated)
      errors.push({
        ...locate(
          figures.findIndex((f) => f.period === period),
          'period',
        ),
        message: `${reason}; figures for it are not accepted`,
      });
  }
  if (errors.length) fail(errors);
}

/** The county's rule set in force at each period's end: it names the department that supplies each metric. */
async function versionsByPeriod(ctx: Ctx, countyId: string, figures: Figure[]): Promise<Map<string, RuleSetVersionRef>> {
  const versions = new Map<string, RuleSetVersionRef>();
  // One after another: the first read may seed the default version, which must happen once.
  for (const period of distinct(figures, 'period')) versions.set(period, await ruleSetInForce(ctx.db, countyId, periodEnd(parsePeriod(period))));
  return versions;
}

/**
 * The submitter is the caller's department: a submittedBy naming another is refused (403), and so
 * is a figure of a metric another department supplies (403, naming the figure). A metric the rule
 * set does not score, or derives from the population register, is a 422 naming it.
 */
function checkSuppliers(who: Submitter, figures: Figure[], versions: Map<string, RuleSetVersionRef>, locate: Locate): void {
  const refused: FieldError[] = [];
  const errors: FieldError[] = [];
  figures.forEach((f, i) => {
    if (f.submittedBy !== undefined && f.submittedBy !== who.department)
      refused.push({ ...locate(i, 'submittedBy'), message: `you submit for department ${who.department}, not for ${f.submittedBy}` });
    const { id, ruleSet } = versions.get(f.period)!;
    const source = ruleSet.scoring.metrics[f.metric]?.source;
    if (ruleSet.scoring.metrics[f.metric]?.derivation)
      errors.push({ ...locate(i, 'metric'), message: `${f.metric} is derived from the population register under rule set version ${id}; nobody submits it` });
    else if (source === undefined)
      errors.push({ ...locate(i, 'metric'), message: `${f.metric} is not scored under rule set version ${id}; no department supplies it` });
    else if (source !== who.department)
      refused.push({ ...locate(i, 'metric'), message: `${f.metric} is supplied by ${source} (rule set version ${id}), not by ${who.department}` });
  });
  if (refused.length) {
    const unique = [...new Map(refused.map((e) => [JSON.stringify(e), e])).values()];
    throw Problem.fields(403, unique.slice(0, 50));
  }
  if (errors.length) fail(errors);
}

/**
 * Figures for a community with no officer bound at the period's end would judge nobody and stop
 * its cycle: they are refused until an officer is bound. Unknown communities are left to checkReferences.
 */
async function checkEvaluated(ctx: Ctx, countyId: string, figures: Figure[], locate: Locate): Promise<void> {
  const errors: FieldError[] = [];
  const known = new Set(
    (await ctx.db.community.findMany({ where: { id: { in: distinct(figures, 'communityId') }, countyId }, select: { id: true } })).map((c) => c.id),
  );
  for (const period of distinct(figures, 'period')) {
    const end = periodEnd(parsePeriod(period));
    const evaluated = new Set((await officesOn(ctx.db, end, countyId)).map((o) => o.id));
    const refused = new Set<string>();
    figures.forEach((f, i) => {
      if (f.period !== period || !known.has(f.communityId) || evaluated.has(f.communityId) || refused.has(f.communityId)) return;
      refused.add(f.communityId);
      errors.push({
        ...locate(i, 'communityId'),
        message: `community ${f.communityId} has no officer bound on ${end}, the end of ${period}, so it will not be evaluated; bind an officer first (POST /api/bindings)`,
      });
    });
  }
  if (errors.length) fail(errors);
}

async function store(ctx: Ctx, who: Submitter, figures: Figure[], locate: Locate) {
  const now = ctx.now();
  const { countyId, department: submittedBy } = who;
  const actor = who.actor.id;
  await checkPeriods(ctx, countyId, figures, locate);
  // Who may submit what comes before what exists.
  const versions = await versionsByPeriod(ctx, countyId, figures);
  checkSuppliers(who, figures, versions, locate);
  await checkEvaluated(ctx, countyId, figures, locate);
  const result = await ctx.db.$transaction(
    async (tx) => {
      await checkReferences(tx, countyId, figures, locate);
      const existing = await tx.metricSubmission.findMany({
        where: {
          countyId,
          period: { in: distinct(figures, 'period') },
          communityId: { in: distinct(figures, 'communityId') },
        },
      });
      const byKey = new Map(existing.map((r) => [keyOf(r), r]));
      const creates: (Omit<Figure, 'submittedBy'> & { countyId: string; submittedBy: string; actor: string; submittedAt: Date })[] = [];
      const changes: AuditChange[] = [];
      for (const f of figures) {
        const before = byKey.get(keyOf(f));
        if (before) {
          const after = await tx.metricSubmission.update({
            where: { id: before.id },
            data: { value: f.value, submittedBy, actor, submittedAt: now },
          });
          changes.push({ action: 'update', entity: 'MetricSubmission', entityId: keyOf(f), before, after });
        } else {
          const row = { countyId, period: f.period, communityId: f.communityId, metric: f.metric, value: f.value, submittedBy, actor, submittedAt: now };
          creates.push(row);
          changes.push({ action: 'create', entity: 'MetricSubmission', entityId: keyOf(f), after: row });
        }
      }
      await tx.metricSubmission.createMany({ data: creates });
      await auditedMany(tx, who.actor, changes);
      return { stored: figures.length, created: creates.length, updated: figures.length - creates.length };
    },
    // Prisma's 2 s wait for a connection failed uploads with 500 while a province's went in at once.
    { timeout: 60_000, maxWait: 15_000 },
  );
  return { ...result, cycleNotified: await notify(ctx, countyId, figures) };
}

// The figures are already committed: a cycle that cannot be told now finds them when it next
// reads, so a failed notification is logged and reported, not turned into an error.
async function notify(ctx: Ctx, countyId: string, figures: Figure[]): Promise<boolean> {
  const groups = new Map<string, { period: string; communityId: string; metrics: Set<string> }>();
  for (const f of figures) {
    const k = `${f.period}/${f.communityId}`;
    const g = groups.get(k) ?? { period: f.period, communityId: f.communityId, metrics: new Set() };
    g.metrics.add(f.metric);
    groups.set(k, g);
  }
  // A few at a time: each looks its cycle up in the database, and a county's hundred at once
  // took the whole connection pool from the requests beside it (500s under the province benchmark).
  const results: PromiseSettledResult<void>[] = [];
  const pending = [...groups.values()];
  const lane = async () => {
    for (let g = pending.shift(); g; g = pending.shift())
      results.push(...(await Promise.allSettled([ctx.cycles.metricsSubmitted(countyId, g.period, g.communityId, [...g.metrics])])));
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) ctx.log.warn({ err: failed[0].reason }, `metrics stored but ${failed.length} cycle notification(s) failed`);
  return failed.length === 0;
}

function csvText(req: Request): string {
  if (req.file) return req.file.buffer.toString('utf8');
  if (typeof req.body === 'string') return req.body;
  if (req.is('multipart/form-data')) throw Problem.field(400, { pointer: '/file', message: 'expected the CSV in multipart field "file"' });
  throw new Problem(415, 'send the CSV as multipart field "file" or as a text/csv body');
}

const figuresQuery = listQuery({ period: periodSchema.optional(), communityId: idSchema.optional(), metric: metricSchema.optional() });

/** The department of the request: its figures, its audit actor, its county. */
function submitter(res: Response): Submitter {
  return { department: ownSubjectOf(res), actor: actorOf(res), countyId: countyOf(res) };
}

const completenessQuery = z.strictObject({ period: periodSchema });
const completenessSchema = z.looseObject({
  period: z.string(),
  ruleSetVersionId: z.number().int(),
  communities: z.array(z.string()),
  departments: z.array(
    z.looseObject({
      department: z.string(),
      metrics: z.array(z.string()),
      expected: z.number().int(),
      received: z.number().int(),
      missing: z.array(z.looseObject({ community: z.string(), metric: z.string() })),
    }),
  ),
});

export function metricsOperations(ctx: Ctx): Operations<'submitFigures' | 'uploadFiguresCsv' | 'listFigures' | 'getFigureCompleteness'> {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: limit, files: 1 } }).single('file');
  const readCsv: RequestHandler[] = [
    (req, res, next) => (req.is('multipart/form-data') ? upload(req, res, next) : next()),
    express.text({ type: ['text/csv', 'text/plain'], limit }),
  ];
  const run = (handlers: RequestHandler[], last: RequestHandler): RequestHandler => {
    return (req, res, next) => {
      const step = (i: number): void => {
        if (i === handlers.length) {
          Promise.resolve(last(req, res, next)).catch(next);
          return;
        }
        handlers[i]!(req, res, (err?: unknown) => (err ? next(err) : step(i + 1)));
      };
      step(0);
    };
  };

  return {
    submitFigures: {
      body: metricsBodySchema,
      responses: { 200: storedFigures },
      handler: async (req, res) => {
        const body = parseBody(metricsBodySchema, req.body);
        const figures = body.figures.map((f) => ({ ...f, period: body.period, submittedBy: body.submittedBy }));
        const locate: Locate = (i, field) => ({ pointer: field === 'period' || field === 'submittedBy' ? `/${field}` : `/figures/${i}/${field}` });
        res.json(await store(ctx, submitter(res), figures, locate));
      },
    },

    uploadFiguresCsv: {
      upload: {
        'text/csv': { description: 'period,communityId,metric,value[,submittedBy], one figure per line' },
        'multipart/form-data': { description: 'the same CSV in field "file"' },
      },
      responses: { 200: storedFigures },
      handler: run(readCsv, async (req, res) => {
        const { figures, locate } = figuresFromCsv(csvText(req));
        res.json(await store(ctx, submitter(res), figures, locate));
      }),
    },

    // What each supplying department has sent for the period and what it still owes.
    getFigureCompleteness: {
      query: completenessQuery,
      responses: { 200: completenessSchema },
      handler: async (req, res) => {
        const { period } = parseQuery(completenessQuery, req.query);
        res.json(await figureCompleteness(ctx.db, countyOf(res), period));
      },
    },

    // Readers list the county's figures; a department its own submissions.
    listFigures: {
      query: figuresQuery,
      responses: { 200: z.array(figureRow) },
      handler: async (req, res) => {
        const { limit, cursor, ...where } = parseQuery(figuresQuery, req.query);
        const own = reachOf(res) === 'own' ? { submittedBy: ownSubjectOf(res) } : {};
        res.json(
          await readPage(req, res, {
            limit,
            cursor,
            key: intKey,
            find: (page) =>
              ctx.db.metricSubmission.findMany({
                where: { ...where, ...countyScope(res), ...own },
                orderBy: [{ period: 'asc' }, { communityId: 'asc' }, { metric: 'asc' }],
                ...page,
              }),
          }),
        );
      },
    },
  };
}

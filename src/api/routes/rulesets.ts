// Rule-set documents: their schema and fact catalogue for editors, validation without saving,
// and immutable effective-dated versions with a diff between any two.
import { Router } from 'express';
import { z } from 'zod';
import { cadences, cycleKindDescriptors } from '../../core/cadences.js';
import { backtestStored } from '../../db/backtest.js';
import { addRuleSetVersion, ensureDefaultRuleSet, ruleSetInForce } from '../../db/ruleSets.js';
import { diffJson } from '../../rules/diff.js';
import { periodFactsOf, yearEndFactCatalogue } from '../../rules/facts.js';
import { parseRuleSet, validateRuleSet, type RuleSet } from '../../rules/ruleSet.js';
import { ruleSetJsonSchema } from '../../rules/schema.js';
import { actorOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { daySchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { noParameters, parseBody, parseParam, parseQuery, pointerOf } from '../validate.js';

const versionId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const createSchema = z.strictObject({
  document: z.unknown(),
  effectiveFrom: daySchema,
  reason: z.string().trim().min(1).max(2000),
});
const diffQuery = z.strictObject({ from: versionId, to: versionId });
const summary = { id: true, name: true, effectiveFrom: true, author: true, reason: true, createdAt: true } as const;

/** A document that fails validation, every problem located under `at` (the body's pointer to it). */
export function checkedRuleSet(document: unknown, at = ''): RuleSet {
  const validation = validateRuleSet(document);
  if (validation.ok) return validation.ruleSet;
  throw Problem.fields(
    422,
    validation.problems.map((p) => ({ pointer: at + pointerOf(p.path), message: p.message })),
  );
}

export function rulesetsRouter(ctx: Ctx): Router {
  const router = Router();
  const schema = ruleSetJsonSchema();
  const facts = { ...Object.fromEntries(cadences.map((c) => [cycleKindDescriptors[c].ruleStage, periodFactsOf(c)])), yearEnd: yearEndFactCatalogue };

  router.get('/schema', (req, res) => {
    noParameters(req.query);
    res.type('application/schema+json').send(JSON.stringify(schema));
  });

  router.get('/facts', (req, res) => {
    noParameters(req.query);
    res.json(facts);
  });

  router.post('/validate', (req, res) => {
    if (req.body === undefined) throw Problem.field(400, { pointer: '', message: 'expected the rule-set document as a JSON body' });
    const ruleSet = checkedRuleSet(req.body);
    res.json({ valid: true, name: ruleSet.name, rules: Object.fromEntries(Object.entries(ruleSet.rules).map(([stage, rules]) => [stage, rules.length])) });
  });

  router.get('/', async (req, res) => {
    const { limit, cursor } = parseQuery(listQuery({}), req.query);
    await ensureDefaultRuleSet(ctx.db);
    const inForce = await ruleSetInForce(ctx.db, ctx.today());
    const rows = await readPage(req, res, {
      limit,
      cursor,
      key: intKey,
      find: (page) => ctx.db.ruleSetVersion.findMany({ select: summary, orderBy: [{ effectiveFrom: 'asc' }, { id: 'asc' }], ...page }),
    });
    res.json(rows.map((r) => ({ ...r, inForce: r.id === inForce.id })));
  });

  router.get('/diff', async (req, res) => {
    const q = parseQuery(diffQuery, req.query);
    const [from, to] = await Promise.all([q.from, q.to].map((id) => ctx.db.ruleSetVersion.findUnique({ where: { id } })));
    if (!from) throw Problem.notFound('RuleSetVersion', q.from);
    if (!to) throw Problem.notFound('RuleSetVersion', q.to);
    res.json({ from: from.id, to: to.id, changes: diffJson(from.document, to.document) });
  });

  router.get('/:id', async (req, res) => {
    noParameters(req.query);
    const id = parseParam(versionId, req.params.id, 'RuleSetVersion');
    const row = await ctx.db.ruleSetVersion.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('RuleSetVersion', id);
    res.json(row);
  });

  // Read-only, so nothing is audited; POST because each call re-decides every stored period.
  router.post('/:id/backtest', async (req, res) => {
    const id = parseParam(versionId, req.params.id, 'RuleSetVersion');
    const row = await ctx.db.ruleSetVersion.findUnique({ where: { id } });
    if (!row) throw Problem.notFound('RuleSetVersion', id);
    res.json({
      ruleSetVersion: { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom },
      ...(await backtestStored(ctx.db, parseRuleSet(row.document, `rule set version ${row.id}`))),
    });
  });

  router.post('/', async (req, res) => {
    const body = parseBody(createSchema, req.body);
    const ruleSet = checkedRuleSet(body.document, '/document');
    if (body.effectiveFrom < ctx.today()) {
      throw Problem.field(422, {
        pointer: '/effectiveFrom',
        message: `expected today (${ctx.today()}) or later: decisions already made stay under the rules they were made with`,
      });
    }
    await ensureDefaultRuleSet(ctx.db);
    const author = actorOf(res);
    const row = await ctx.db.$transaction((tx) => addRuleSetVersion(tx, { ruleSet, effectiveFrom: body.effectiveFrom, reason: body.reason, author }));
    res.status(201).location(`${req.baseUrl}/${row.id}`).json(row);
  });

  return router;
}

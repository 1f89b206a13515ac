// Rule-set documents: their schema and fact catalogue for editors, validation without saving,
// and immutable effective-dated versions with a diff between any two.
import { z } from 'zod';
import { cadences, cycleKindDescriptors } from '../../core/cadences.js';
import { backtestStored } from '../../db/backtest.js';
import { addRuleSetVersion, ensureDefaultRuleSet, ruleSetInForce } from '../../db/ruleSets.js';
import { diffJson } from '../../rules/diff.js';
import { periodFactsOf, yearEndFactCatalogue } from '../../rules/facts.js';
import { parseRuleSet, validateRuleSet, type RuleSet } from '../../rules/ruleSet.js';
import { ruleSetJsonSchema } from '../../rules/schema.js';
import type { Operations } from '../access/operations.js';
import { actorOf, countyOf, countyScope, principalOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { Problem } from '../problem.js';
import { daySchema } from '../schemas.js';
import { intKey, listQuery, readPage } from '../pagination.js';
import { noParameters, parseBody, parseParam, parseQuery, pointerOf } from '../validate.js';
import {
  backtestReport,
  draftBacktestReport,
  ruleFacts,
  ruleSetDiff,
  ruleSetJsonSchemaDocument,
  ruleSetListRow,
  ruleSetRow,
  ruleSetValidation,
} from './registry.schemas.js';

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
const draftSchema = z.strictObject({ document: z.unknown() });
const diffQuery = z.strictObject({ from: versionId, to: versionId });
const versionParams = z.object({ id: versionId });
const listSchema = listQuery({});
const summary = { id: true, countyId: true, name: true, effectiveFrom: true, author: true, reason: true, createdAt: true } as const;

/** A document that fails validation, every problem located under `at` (the body's pointer to it). */
export function checkedRuleSet(document: unknown, at = ''): RuleSet {
  const validation = validateRuleSet(document);
  if (validation.ok) return validation.ruleSet;
  throw Problem.fields(
    422,
    validation.problems.map((p) => ({ pointer: at + pointerOf(p.path), message: p.message })),
  );
}

/**
 * Rule sets are per county: bureau staff and the bureau head read and write their county's
 * versions, a province reader reads every county's. Another county's version answers 404.
 */
export function rulesetsOperations(
  ctx: Ctx,
): Operations<
  | 'getRuleSchema'
  | 'listRuleFacts'
  | 'validateRuleSet'
  | 'listRuleSets'
  | 'diffRuleSets'
  | 'getRuleSet'
  | 'backtestRuleSet'
  | 'backtestRuleSetDraft'
  | 'createRuleSet'
> {
  const schema = ruleSetJsonSchema();
  const facts = { ...Object.fromEntries(cadences.map((c) => [cycleKindDescriptors[c].ruleStage, periodFactsOf(c)])), yearEnd: yearEndFactCatalogue };

  return {
    getRuleSchema: {
      responses: {
        200: { mediaType: 'application/schema+json', description: 'the JSON Schema of a rule-set document', schema: ruleSetJsonSchemaDocument },
      },
      handler: (req, res) => {
        noParameters(req.query);
        res.type('application/schema+json').send(JSON.stringify(schema));
      },
    },

    listRuleFacts: {
      responses: { 200: ruleFacts },
      handler: (req, res) => {
        noParameters(req.query);
        res.json(facts);
      },
    },

    validateRuleSet: {
      body: z.unknown(),
      responses: { 200: ruleSetValidation },
      handler: (req, res) => {
        if (req.body === undefined) throw Problem.field(400, { pointer: '', message: 'expected the rule-set document as a JSON body' });
        const ruleSet = checkedRuleSet(req.body);
        res.json({ valid: true, name: ruleSet.name, rules: Object.fromEntries(Object.entries(ruleSet.rules).map(([stage, rules]) => [stage, rules.length])) });
      },
    },

    listRuleSets: {
      query: listSchema,
      responses: { 200: z.array(ruleSetListRow) },
      handler: async (req, res) => {
        const { limit, cursor } = parseQuery(listSchema, req.query);
        const { countyId } = principalOf(res);
        // A county's list always shows the shipped default, in force until the bureau adds another.
        if (countyId !== null) await ensureDefaultRuleSet(ctx.db, countyId);
        const rows = await readPage(req, res, {
          limit,
          cursor,
          key: intKey,
          find: (page) =>
            ctx.db.ruleSetVersion.findMany({
              where: countyScope(res),
              select: summary,
              orderBy: [{ countyId: 'asc' }, { effectiveFrom: 'asc' }, { id: 'asc' }],
              ...page,
            }),
        });
        const inForce = new Set<number>();
        for (const county of new Set(rows.map((r) => r.countyId))) inForce.add((await ruleSetInForce(ctx.db, county, ctx.today())).id);
        res.json(rows.map((r) => ({ ...r, inForce: inForce.has(r.id) })));
      },
    },

    diffRuleSets: {
      query: diffQuery,
      responses: { 200: ruleSetDiff },
      handler: async (req, res) => {
        const q = parseQuery(diffQuery, req.query);
        const [from, to] = await Promise.all([q.from, q.to].map((id) => ctx.db.ruleSetVersion.findFirst({ where: { ...countyScope(res), id } })));
        if (!from) throw Problem.notFound('RuleSetVersion', q.from);
        if (!to) throw Problem.notFound('RuleSetVersion', q.to);
        res.json({ from: from.id, to: to.id, changes: diffJson(from.document, to.document) });
      },
    },

    getRuleSet: {
      params: versionParams,
      responses: { 200: ruleSetRow },
      handler: async (req, res) => {
        noParameters(req.query);
        const id = parseParam(versionId, req.params.id, 'RuleSetVersion');
        const row = await ctx.db.ruleSetVersion.findFirst({ where: { ...countyScope(res), id } });
        if (!row) throw Problem.notFound('RuleSetVersion', id);
        res.json(row);
      },
    },

    // Read-only, so nothing is audited; POST because each call re-decides every stored period of
    // the caller's county.
    backtestRuleSet: {
      params: versionParams,
      responses: { 200: backtestReport },
      handler: async (req, res) => {
        const id = parseParam(versionId, req.params.id, 'RuleSetVersion');
        const countyId = countyOf(res);
        const row = await ctx.db.ruleSetVersion.findFirst({ where: { id, countyId } });
        if (!row) throw Problem.notFound('RuleSetVersion', id);
        res.json({
          ruleSetVersion: { id: row.id, name: row.name, effectiveFrom: row.effectiveFrom },
          ...(await backtestStored(ctx.db, countyId, parseRuleSet(row.document, `rule set version ${row.id}`))),
        });
      },
    },

    // The editor back-tests before it saves: an unsaved document, checked exactly as a new version.
    backtestRuleSetDraft: {
      body: draftSchema,
      responses: { 200: draftBacktestReport },
      handler: async (req, res) => {
        const body = parseBody(draftSchema, req.body);
        const ruleSet = checkedRuleSet(body.document, '/document');
        res.json({ name: ruleSet.name, ...(await backtestStored(ctx.db, countyOf(res), ruleSet)) });
      },
    },

    createRuleSet: {
      body: createSchema,
      responses: { 201: ruleSetRow },
      handler: async (req, res) => {
        const body = parseBody(createSchema, req.body);
        const ruleSet = checkedRuleSet(body.document, '/document');
        if (body.effectiveFrom < ctx.today()) {
          throw Problem.field(422, {
            pointer: '/effectiveFrom',
            message: `expected today (${ctx.today()}) or later: decisions already made stay under the rules they were made with`,
          });
        }
        const countyId = countyOf(res);
        await ensureDefaultRuleSet(ctx.db, countyId);
        const actor = actorOf(res);
        const row = await ctx.db.$transaction((tx) =>
          addRuleSetVersion(tx, { countyId, ruleSet, effectiveFrom: body.effectiveFrom, reason: body.reason, author: actor.id }, actor),
        );
        res.status(201).location(`${req.baseUrl}/rulesets/${row.id}`).json(row);
      },
    },
  };
}

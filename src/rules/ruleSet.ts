import { fileURLToPath } from 'node:url';
import type { TopLevelCondition } from 'json-rules-engine';
import { z } from 'zod';
import { metricKeys, type Honour, type SanctionKind } from '../core/types.js';
import { conditionProblem } from './conditions.js';
import { DocumentError, parseDocument } from './documentError.js';
import { quarterlyFactDocs, yearEndFactDocs } from './facts.js';
import { readJsonFile } from './jsonFile.js';

export class RuleSetError extends DocumentError {
  constructor(source: string, path: string, expected: string) {
    super(source, path, expected);
    this.name = 'RuleSetError';
  }
}

const sanctionKinds = ['circulated-criticism', 'admonishment-talk', 'rural-reassignment'] as const satisfies readonly SanctionKind[];
const honours = ['deputy-section-level-recommendation', 'reserve-talent-pool'] as const satisfies readonly Honour[];

const metricCommon = {
  label: z.string().min(1),
  labelEn: z.string().min(1),
  direction: z.enum(['higher', 'lower']),
  weight: z.number().nonnegative(),
  /** The department that supplies the figure: who is chased when it is missing. */
  source: z.string().min(1),
};
const metricSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rate'), ...metricCommon }),
  // target: the adjusted count per quarter that earns 100 points ("higher") or 0 points ("lower").
  z.object({ kind: z.literal('count'), ...metricCommon, target: z.number().positive() }),
], { error: 'expected "kind" to be "rate" (a fraction 0–1) or "count" (per quarter, needs a "target")' });

const scoringSchema = z.object({
  perResidents: z.number().positive(),
  complexityStep: z.number().nonnegative(),
  metrics: z.partialRecord(z.enum(metricKeys), metricSchema).refine(
    (metrics) => Object.values(metrics).some((m) => m !== undefined && m.weight > 0),
    'expected at least one metric with a positive weight',
  ),
});

const parametersSchema = z.object({
  subsidyPerOfficerPerMonth: z.number().nonnegative(),
  subsidyDueDays: z.int().nonnegative(),
  rewardDueDays: z.int().nonnegative(),
  metricsDeadlineDays: z.int().nonnegative(),
  /** Distinct days a liaison leader must spend in the community each month (the report: two). */
  presenceDaysPerMonth: z.int().min(1).max(28).default(2),
  /** Days between reminders to recipients who have not acknowledged a joint notice. */
  noticeReminderDays: z.int().min(1).max(90).default(3),
  /** Days after a joint notice at which its unacknowledged recipients go to the bureau head. */
  noticeEscalationDays: z.int().min(1).max(365).default(7),
});

function conditionsSchema(facts: readonly string[]) {
  return z.custom<TopLevelCondition>().superRefine((conditions, ctx) => {
    const problem = conditionProblem(conditions, facts);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });
}

function rulesSchema<E extends z.ZodType>(facts: readonly string[], event: E) {
  const rule = z.object({
    name: z.string().min(1),
    priority: z.int().min(1).optional(),
    conditions: conditionsSchema(facts),
    event,
  });
  return z.array(rule).superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `expected a unique rule name; "${r.name}" is used twice` });
      seen.add(r.name);
    });
  });
}

const sanctionEvent = z.object({
  type: z.literal('sanction'),
  params: z.object({
    kinds: z.array(z.enum(sanctionKinds)).min(1),
    /** Circulate the office's liaison leader and department with it (一并通报). */
    jointNotice: z.boolean().default(false),
  }),
});

const rewardEvent = z.object({
  type: z.literal('reward'),
  params: z.object({ amount: z.number().nonnegative(), honours: z.array(z.enum(honours)).default([]) }),
});

const ruleSetSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  scoring: scoringSchema,
  parameters: parametersSchema,
  rules: z.object({
    quarterly: rulesSchema(Object.keys(quarterlyFactDocs), sanctionEvent),
    yearEnd: rulesSchema(Object.keys(yearEndFactDocs), rewardEvent),
  }),
});

export type RuleSet = z.output<typeof ruleSetSchema>;
export type ScoringConfig = RuleSet['scoring'];
export type MetricConfig = z.output<typeof metricSchema>;
export type RuleSetParameters = RuleSet['parameters'];
export type QuarterlyRule = RuleSet['rules']['quarterly'][number];
export type YearEndRule = RuleSet['rules']['yearEnd'][number];

export function parseRuleSet(json: unknown, source: string): RuleSet {
  return parseDocument(ruleSetSchema, json, source, (s, p, e) => new RuleSetError(s, p, e));
}

export function loadRuleSetFile(path: string): RuleSet {
  return parseRuleSet(readJsonFile(path, (s, p, e) => new RuleSetError(s, p, e)), path);
}

export function loadDefaultRuleSet(): RuleSet {
  return loadRuleSetFile(fileURLToPath(new URL('./default-ruleset.json', import.meta.url)));
}

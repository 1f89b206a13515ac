import { fileURLToPath } from 'node:url';
import type { TopLevelCondition } from 'json-rules-engine';
import { z } from 'zod';
import { registerDerivations } from '../core/register.js';
import { cycleKindDescriptors, type Cadence, type RuleStage } from '../core/cadences.js';
import type { MetricConfig, ScoringConfig } from '../core/scoring.js';
import type { SubsidyConfig } from '../core/subsidy.js';
import { metricKeys } from '../core/types.js';
import { honours, sanctionKinds } from '../core/vocabulary.js';
import { conditionProblems, type ConditionProblem } from './conditions.js';
import { describeIssue, DocumentError, jsonPath } from './documentError.js';
import { periodFactCatalogue, yearEndFactCatalogue, type FactCatalogue } from './facts.js';
import { readJsonFile } from './jsonFile.js';
import { internalNameProblem, limitProblems } from './limits.js';

/** The first problem in the message; every problem, by path, in `problems`. */
export class RuleSetError extends DocumentError {
  constructor(
    source: string,
    path: string,
    expected: string,
    readonly problems: ConditionProblem[] = [],
  ) {
    super(source, path, expected);
    this.name = 'RuleSetError';
  }
}

const metricCommon = {
  label: z.string().min(1),
  labelEn: z.string().min(1),
  direction: z.enum(['higher', 'lower']),
  weight: z.number().nonnegative(),
  /** The department that supplies the figure: who is chased when it is missing, and the only one whose figures are taken. */
  source: z.string().min(1),
  /**
   * Whether the community's complexity forgives part of the metric's shortfall from 100 points.
   * Absent (as in versions stored before it existed): incidents, prevention and clues are, the others not.
   */
  complexityAdjusted: z
    .boolean()
    .optional()
    .meta({ description: 'complexity forgives part of the shortfall: points = 100 − (100 − base) ÷ factor; absent: true for incidents, prevention, clues' }),
  /**
   * Absent: the figure is submitted by its source department. Set: the cycle derives it from the
   * population register at the period's end (src/core/register.ts), and nobody may submit it.
   */
  derivation: z
    .enum(registerDerivations)
    .optional()
    .meta({ description: 'derived from the population register at the period end instead of submitted: registration or keyPersonControl' }),
};
// The core declares what it reads of a rule set (core/scoring.ts, core/subsidy.ts); each schema
// `satisfies` it, so a document change that would break scoring or the subsidy split fails to compile.
const metricSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('rate'), ...metricCommon }),
    // target: the count per perResidents residents and quarter that earns 100 base points ("higher") or 0 points ("lower").
    z.object({ kind: z.literal('count'), ...metricCommon, target: z.number().positive() }),
  ],
  { error: 'expected "kind" to be "rate" (a fraction 0–1) or "count" (per quarter, needs a "target")' },
) satisfies z.ZodType<MetricConfig>;

const scoringSchema = z.object({
  perResidents: z.number().positive(),
  complexityStep: z.number().nonnegative(),
  metrics: z
    .partialRecord(z.enum(metricKeys), metricSchema)
    .refine((metrics) => Object.values(metrics).some((m) => m !== undefined && m.weight > 0), 'expected at least one metric with a positive weight'),
}) satisfies z.ZodType<ScoringConfig>;

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
  /** Days an officer has to confirm or dispute a leader's visit; unanswered after that, it counts. */
  visitConfirmationDays: z.int().min(0).max(60).default(7),
  /** When leaders short of their days are reminded: a day of the month, or minus days before its last day. */
  presenceReminderDays: z
    .array(
      z
        .int()
        .min(-27)
        .max(28)
        .refine((d) => d !== 0, 'expected a day of the month or minus days before its end'),
    )
    .max(10)
    .default([10, 20, -3]),
  /** Public holidays (YYYY-MM-DD), left out of the working days a reminder counts. */
  publicHolidays: z.array(z.iso.date()).max(100).default([]),
  /** Diversions of a community officer a station may make in a month before it is flagged. */
  diversionsPerMonth: z.int().min(0).max(31).default(2),
  /** Finance is reminded this many days before a payment falls due. */
  paymentReminderDaysBefore: z.int().min(0).max(90).default(7),
  /** Overdue notices repeat this often until the obligation is paid. */
  paymentEscalationDays: z.int().min(1).max(90).default(7),
  /** Paid in full and undisputed this long counts as received, even without the payee's confirmation. */
  paymentSettleAfterDays: z.int().min(0).max(365).default(30),
  /** A settled obligation accepts disputes this long before it closes for good. */
  paymentDisputeWindowDays: z.int().min(0).max(730).default(90),
  /** Days after a decision (or the evaluation's notice) within which the officer may appeal it (申诉). */
  appealWindowDays: z.int().min(0).max(365).default(10),
  /** Days the bureau has to decide an appeal; unanswered then, it goes to the bureau head. */
  appealDecisionDays: z.int().min(1).max(365).default(15),
  /** Days between reminders to the bureau while an appeal is undecided. */
  appealReminderDays: z.int().min(1).max(90).default(3),
}) satisfies z.ZodType<SubsidyConfig>;

/** How fresh the population register's records must be; what the reminders chase and the derived rates count. */
const registerSchema = z
  .object({
    /** A key person counts as controlled only with a talk no older than this (and a complete help group). */
    talkIntervalDays: z.int().min(1).max(365).default(30),
    /** A rented home is due for inspection this long after its last one (or its listing). */
    rentalInspectionIntervalDays: z.int().min(1).max(730).default(90),
    /** A temporary resident's permit is brought to the officer this many days before it expires. */
    permitWarningDays: z.int().min(0).max(365).default(30),
  })
  .default({ talkIntervalDays: 30, rentalInspectionIntervalDays: 90, permitWarningDays: 30 });

function conditionsSchema(facts: FactCatalogue, stage: RuleStage) {
  return z
    .custom<TopLevelCondition>()
    .superRefine((conditions, ctx) => {
      for (const problem of conditionProblems(conditions, facts)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      // Marks the condition trees for the JSON Schema export (schema.ts), which zod cannot derive from a refinement.
    })
    .meta({ conditionsOf: stage });
}

function rulesSchema<E extends z.ZodType>(facts: FactCatalogue, event: E, stage: RuleStage) {
  const rule = z.strictObject({
    // Rule names become keys (explanations, decisions by rule): none may reach an object's internals.
    name: z
      .string()
      .min(1)
      .superRefine((name, ctx) => {
        const problem = internalNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    priority: z.int().min(1).optional(),
    conditions: conditionsSchema(facts, stage),
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

const sanctionEvent = z.strictObject({
  type: z.literal('sanction'),
  params: z.strictObject({
    kinds: z.array(z.enum(sanctionKinds)).min(1),
    /** Circulate the office's liaison leader and department with it (一并通报). */
    jointNotice: z.boolean().default(false),
  }),
});

const rewardEvent = z.strictObject({
  type: z.literal('reward'),
  params: z.strictObject({ amount: z.number().nonnegative(), honours: z.array(z.enum(honours)).default([]) }),
});

export const ruleSetSchema = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  scoring: scoringSchema,
  parameters: parametersSchema,
  register: registerSchema,
  // Strict, so a misspelt stage ("halfyear") is an error rather than an evaluation silently off.
  rules: z.strictObject(
    {
      quarterly: rulesSchema(periodFactCatalogue, sanctionEvent, 'quarterly'),
      /** 月考 and 半年考: each runs only when its stage is present, even with no rules (scores and ranks alone). */
      monthly: rulesSchema(periodFactCatalogue, sanctionEvent, 'monthly').optional(),
      halfYear: rulesSchema(periodFactCatalogue, sanctionEvent, 'halfYear').optional(),
      yearEnd: rulesSchema(yearEndFactCatalogue, rewardEvent, 'yearEnd'),
    } satisfies Record<RuleStage, z.ZodType>,
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `expected only the stages quarterly, monthly, halfYear and yearEnd; ${issue.keys.map((k) => `"${k}"`).join(', ')} is not one`
          : undefined,
    },
  ),
});

/** The rule set evaluates no periods of this cadence (monthly and half-year ones are off by default). */
export class CadenceNotDefinedError extends Error {
  constructor(
    readonly period: string,
    readonly stage: string,
  ) {
    super(`the rule set defines no "rules.${stage}", so ${period} is not evaluated`);
    this.name = 'CadenceNotDefinedError';
  }
}

/** A cadence's rules, or undefined when the rule set does not evaluate that cadence. */
export function periodRules(ruleSet: RuleSet, cadence: Cadence): PeriodRule[] | undefined {
  return ruleSet.rules[cycleKindDescriptors[cadence].ruleStage];
}

export type RuleSet = z.output<typeof ruleSetSchema>;
export type RuleSetParameters = RuleSet['parameters'];
export type PeriodRule = RuleSet['rules']['quarterly'][number];
export type YearEndRule = RuleSet['rules']['yearEnd'][number];

export type Validation = { ok: true; ruleSet: RuleSet } | { ok: false; problems: ConditionProblem[] };

/**
 * Every problem of a document at once: bounds and forbidden keys first (a document outside them
 * is not walked any further), then the schema with the semantic checks of the conditions.
 */
export function validateRuleSet(json: unknown): Validation {
  const limits = limitProblems(json);
  if (limits.length > 0) return { ok: false, problems: limits };
  const result = ruleSetSchema.safeParse(json, { reportInput: true });
  if (result.success) return { ok: true, ruleSet: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: describeIssue(issue) })) };
}

export function parseRuleSet(json: unknown, source: string): RuleSet {
  const validation = validateRuleSet(json);
  if (validation.ok) return validation.ruleSet;
  const [first] = validation.problems;
  throw new RuleSetError(source, jsonPath(first!.path), first!.message, validation.problems);
}

export function loadRuleSetFile(path: string): RuleSet {
  return parseRuleSet(
    readJsonFile(path, (s, p, e) => new RuleSetError(s, p, e)),
    path,
  );
}

export function loadDefaultRuleSet(): RuleSet {
  return loadRuleSetFile(fileURLToPath(new URL('./default-ruleset.json', import.meta.url)));
}

// Metric figures as the bureau's departments submit them, from JSON or CSV, checked the same way.
// The submitting department is the signed-in one; a submittedBy given in the body or a CSV column
// must name it.
import { z } from 'zod';
import { metricKeys, type MetricKey } from '../core/types.js';
import { Problem, type FieldError } from './problem.js';
import { idSchema, metricSchema, periodSchema } from './schemas.js';

export interface Figure {
  period: string;
  communityId: string;
  metric: MetricKey;
  value: number;
  /** As the request gave it, if at all; the stored submitter is always the caller's department. */
  submittedBy?: string;
}

/** Where a figure's field came from in the request, for error messages. */
export type Locate = (index: number, field: keyof Figure) => Omit<FieldError, 'message'>;

const maxReportedErrors = 50;

/** Rejects a submission with its distinct errors, capped so that a bad file gives a short answer. */
export function fail(errors: FieldError[]): never {
  const unique = [...new Map(errors.map((e) => [JSON.stringify(e), e])).values()];
  throw Problem.fields(422, unique.slice(0, maxReportedErrors));
}

const counts: ReadonlySet<string> = new Set<MetricKey>(['incidents', 'clues']);

/** Why a value cannot stand for the metric, or undefined when it can. */
export function valueProblem(metric: MetricKey, value: number): string | undefined {
  if (counts.has(metric)) {
    return Number.isInteger(value) && value >= 0 ? undefined : `${metric} is a count: expected an integer ≥ 0, got ${value}`;
  }
  return value >= 0 && value <= 1 ? undefined : `${metric} is a rate: expected 0 ≤ value ≤ 1, got ${value}`;
}

// zod runs an object's refinement even when a field already failed; judge only sound pairs.
const checkValue = (f: { metric: MetricKey; value: number }, c: z.RefinementCtx) => {
  if (typeof f.value !== 'number' || !metricKeys.includes(f.metric)) return;
  const message = valueProblem(f.metric, f.value);
  if (message) c.addIssue({ code: 'custom', path: ['value'], message });
};

export const metricsBodySchema = z.strictObject({
  period: periodSchema,
  /** Optional: the department submitting, which must be the caller's. */
  submittedBy: idSchema.optional(),
  figures: z
    .array(z.strictObject({ communityId: idSchema, metric: metricSchema, value: z.number() }).superRefine(checkValue))
    .min(1, 'expected at least one figure'),
});

export const csvColumns = ['period', 'communityId', 'metric', 'value'] as const;
/** A column the file may carry; each of its cells must name the caller's department. */
export const optionalCsvColumns = ['submittedBy'] as const;

const numeric = z
  .string()
  .trim()
  .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, 'expected a number')
  .transform(Number);

export const csvRowSchema = z
  .strictObject({
    period: periodSchema,
    communityId: idSchema,
    metric: metricSchema,
    value: numeric,
    submittedBy: idSchema.optional(),
  })
  .superRefine(checkValue);

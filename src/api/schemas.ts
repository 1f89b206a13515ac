// Field shapes shared by several routes.
import { z } from 'zod';
import { periodFormOf, type Cadence } from '../core/cadences.js';
import { parsePeriod, periodForms } from '../core/calendar.js';
import { metricKeys } from '../core/types.js';
import type { RecipientType } from '../core/vocabulary.js';

export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'expected letters, digits, _ . : or -');
export const nameSchema = z.string().trim().min(1).max(200);

/** A real calendar day as YYYY-MM-DD. */
export const daySchema = z.string().refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'expected a calendar date as YYYY-MM-DD');

/** An evaluation period: a quarter, a month or a half-year. */
export const periodSchema = z.string().refine((s) => periodCadence(s) !== undefined, `expected ${periodForms}`);

/** A period of one cadence, e.g. a month for a monthly cycle. */
export function periodOf(cadence: Cadence) {
  return z.string().refine((s) => periodCadence(s) === cadence, `expected ${periodFormOf(cadence)}`);
}

function periodCadence(value: string): Cadence | undefined {
  try {
    return parsePeriod(value).cadence;
  } catch {
    return undefined;
  }
}

export const metricSchema = z.enum(metricKeys, { error: `expected one of ${metricKeys.join(', ')}` });

export const subjectTypes = ['officer', 'leader', 'department'] as const satisfies readonly RecipientType[];
export const subjectTypeSchema = z.enum(subjectTypes);

// Field shapes shared by several routes.
import { z } from 'zod';
import { metricKeys } from '../core/types.js';

export const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'expected letters, digits, _ . : or -');
export const nameSchema = z.string().trim().min(1).max(200);

/** A real calendar day as YYYY-MM-DD. */
export const daySchema = z.string().refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, 'expected a calendar date as YYYY-MM-DD');

export const periodSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected a period as YYYY-Qn with n from 1 to 4');

export const metricSchema = z.enum(metricKeys, { error: `expected one of ${metricKeys.join(', ')}` });

export const subjectTypes = ['officer', 'leader', 'department'] as const;
export const subjectTypeSchema = z.enum(subjectTypes);

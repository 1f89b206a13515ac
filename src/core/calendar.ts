// Calendar arithmetic on plain 'YYYY-MM-DD' strings. Every Date here is built with Date.UTC and
// read back with getUTC*/toISOString, so the host's time zone can never shift a day.
import { cadences, cycleKindDescriptors, periodsPerYear, type Cadence } from './cadences.js';
import { dayMs } from './time.js';

export interface QuarterRef {
  year: number;
  quarter: number;
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True for a real calendar date written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = isoDatePattern.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

function parseIsoDate(date: string): { y: number; m: number; d: number } {
  if (!isIsoDate(date)) throw new RangeError(`expected a date YYYY-MM-DD, got "${date}"`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month (index 1–12), a quarter (1–4) or a half-year (1–2) of a year. */
export interface PeriodRef {
  cadence: Cadence;
  year: number;
  index: number;
}

/** The period forms, for messages: every parse error lists them. */
const forms = cadences.map((c) => `a ${cycleKindDescriptors[c].unit} "${cycleKindDescriptors[c].example}"`);
export const periodForms = `${forms.slice(0, -1).join(', ')} or ${forms.at(-1)}`;

function checkPeriod({ cadence, year, index }: PeriodRef): void {
  const { unit } = cycleKindDescriptors[cadence];
  const perYear = periodsPerYear(cadence);
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`expected a year 1..9999, got ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > perYear) throw new RangeError(`expected a ${unit} 1..${perYear}, got ${index}`);
}

export function formatPeriod(ref: PeriodRef): string {
  checkPeriod(ref);
  return cycleKindDescriptors[ref.cadence].format(ref.year, ref.index);
}

export function parsePeriod(period: string): PeriodRef {
  for (const cadence of cadences) {
    const m = cycleKindDescriptors[cadence].pattern.exec(period);
    if (!m) continue;
    const ref = { cadence, year: Number(m[1]), index: Number(m[2]) };
    if (ref.index >= 1 && ref.index <= periodsPerYear(cadence) && ref.year >= 1) return ref;
  }
  throw new RangeError(`expected ${periodForms}, got "${period}"`);
}

/** Months a period spans: count targets are written per quarter and scale with it. */
export function monthsIn(cadence: Cadence): number {
  return cycleKindDescriptors[cadence].months;
}

/** The quarter (1–4) a period ends in: a month's own, the second or fourth for a half-year. */
export function quarterEndingIn({ cadence, index }: PeriodRef): number {
  return Math.ceil((index * cycleKindDescriptors[cadence].months) / 3);
}

function firstMonth({ cadence, index }: PeriodRef): number {
  return (index - 1) * cycleKindDescriptors[cadence].months + 1;
}

export function periodStart(ref: PeriodRef): string {
  checkPeriod(ref);
  return `${ref.year}-${pad2(firstMonth(ref))}-01`;
}

export function periodEnd(ref: PeriodRef): string {
  checkPeriod(ref);
  const month = firstMonth(ref) + cycleKindDescriptors[ref.cadence].months - 1;
  return `${ref.year}-${pad2(month)}-${pad2(daysInMonth(ref.year, month))}`;
}

export function previousPeriod(ref: PeriodRef): PeriodRef {
  checkPeriod(ref);
  return ref.index === 1 ? { ...ref, year: ref.year - 1, index: periodsPerYear(ref.cadence) } : { ...ref, index: ref.index - 1 };
}

/** The period of a cadence that holds a date. */
function periodOfDate(cadence: Cadence, date: string): PeriodRef {
  const { y, m } = parseIsoDate(date);
  return { cadence, year: y, index: Math.ceil(m / cycleKindDescriptors[cadence].months) };
}

/**
 * The period that has just ended at `instantIso`. A Schedule fires at 00:00 local time on the
 * first day of a period; in UTC that instant may fall on either side of midnight, but one day
 * earlier is always inside the period that ended, whatever the zone (offsets are < 24 h).
 */
export function periodJustEnded(cadence: Cadence, instantIso: string): PeriodRef {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new RangeError(`expected an ISO 8601 instant, got "${instantIso}"`);
  return periodOfDate(cadence, toIso(ms - dayMs));
}

const quarterOf = (year: number, quarter: number): PeriodRef => ({ cadence: 'quarterly', year, index: quarter });

export function quarterPeriod(year: number, quarter: number): string {
  return formatPeriod(quarterOf(year, quarter));
}

export function quarterStart(year: number, quarter: number): string {
  return periodStart(quarterOf(year, quarter));
}

export function quarterEnd(year: number, quarter: number): string {
  return periodEnd(quarterOf(year, quarter));
}

export function previousQuarter({ year, quarter }: QuarterRef): QuarterRef {
  const prev = previousPeriod(quarterOf(year, quarter));
  return { year: prev.year, quarter: prev.index };
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIsoDate(date);
  return toIso(Date.UTC(y, m - 1, d + days));
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  parseIsoDate(date);
  return date.slice(0, 7);
}

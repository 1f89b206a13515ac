// Calendar arithmetic on plain 'YYYY-MM-DD' strings. Every Date here is built with Date.UTC and
// read back with getUTC*/toISOString, so the host's time zone can never shift a day.

export interface QuarterRef { year: number; quarter: number }

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

/** How often a period evaluation runs: 月考, 季考, 半年考. The year-end cycle is not a period of this kind. */
export const cadences = ['monthly', 'quarterly', 'half-year'] as const;
export type Cadence = (typeof cadences)[number];

/** A month (index 1–12), a quarter (1–4) or a half-year (1–2) of a year. */
export interface PeriodRef { cadence: Cadence; year: number; index: number }

const cadenceShape: Record<Cadence, { unit: string; months: number; perYear: number; format: (year: number, index: number) => string }> = {
  monthly: { unit: 'month', months: 1, perYear: 12, format: (y, i) => `${y}-${pad2(i)}` },
  quarterly: { unit: 'quarter', months: 3, perYear: 4, format: (y, i) => `${y}-Q${i}` },
  'half-year': { unit: 'half-year', months: 6, perYear: 2, format: (y, i) => `${y}-H${i}` },
};

const periodPatterns: [RegExp, Cadence][] = [[/^(\d{4})-(\d{2})$/, 'monthly'], [/^(\d{4})-Q(\d)$/, 'quarterly'], [/^(\d{4})-H(\d)$/, 'half-year']];

/** The period forms, for messages: every parse error lists them. */
export const periodForms = 'a month "2026-03", a quarter "2026-Q1" or a half-year "2026-H1"';

function checkPeriod({ cadence, year, index }: PeriodRef): void {
  const { unit, perYear } = cadenceShape[cadence];
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`expected a year 1..9999, got ${year}`);
  if (!Number.isInteger(index) || index < 1 || index > perYear) throw new RangeError(`expected a ${unit} 1..${perYear}, got ${index}`);
}

export function formatPeriod(ref: PeriodRef): string {
  checkPeriod(ref);
  return cadenceShape[ref.cadence].format(ref.year, ref.index);
}

export function parsePeriod(period: string): PeriodRef {
  for (const [pattern, cadence] of periodPatterns) {
    const m = pattern.exec(period);
    if (!m) continue;
    const ref = { cadence, year: Number(m[1]), index: Number(m[2]) };
    if (ref.index >= 1 && ref.index <= cadenceShape[cadence].perYear && ref.year >= 1) return ref;
  }
  throw new RangeError(`expected ${periodForms}, got "${period}"`);
}

/** Months a period spans: count targets are written per quarter and scale with it. */
export function monthsIn(cadence: Cadence): number {
  return cadenceShape[cadence].months;
}

/** The quarter (1–4) a period ends in: a month's own, the second or fourth for a half-year. */
export function quarterEndingIn({ cadence, index }: PeriodRef): number {
  return Math.ceil((index * cadenceShape[cadence].months) / 3);
}

function firstMonth({ cadence, index }: PeriodRef): number {
  return (index - 1) * cadenceShape[cadence].months + 1;
}

export function periodStart(ref: PeriodRef): string {
  checkPeriod(ref);
  return `${ref.year}-${pad2(firstMonth(ref))}-01`;
}

export function periodEnd(ref: PeriodRef): string {
  checkPeriod(ref);
  const month = firstMonth(ref) + cadenceShape[ref.cadence].months - 1;
  return `${ref.year}-${pad2(month)}-${pad2(daysInMonth(ref.year, month))}`;
}

export function previousPeriod(ref: PeriodRef): PeriodRef {
  checkPeriod(ref);
  return ref.index === 1 ? { ...ref, year: ref.year - 1, index: cadenceShape[ref.cadence].perYear } : { ...ref, index: ref.index - 1 };
}

/** The period of a cadence that holds a date. */
function periodOfDate(cadence: Cadence, date: string): PeriodRef {
  const { y, m } = parseIsoDate(date);
  return { cadence, year: y, index: Math.ceil(m / cadenceShape[cadence].months) };
}

/**
 * The period that has just ended at `instantIso`. A Schedule fires at 00:00 local time on the
 * first day of a period; in UTC that instant may fall on either side of midnight, but one day
 * earlier is always inside the period that ended, whatever the zone (offsets are < 24 h).
 */
export function periodJustEnded(cadence: Cadence, instantIso: string): PeriodRef {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new RangeError(`expected an ISO 8601 instant, got "${instantIso}"`);
  return periodOfDate(cadence, toIso(ms - 86_400_000));
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

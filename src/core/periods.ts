// Calendar arithmetic on plain 'YYYY-MM-DD' strings. Every Date here is built with Date.UTC and
// read back with getUTC*/toISOString, so the host's time zone can never shift a day.

export interface QuarterRef { year: number; quarter: number }

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const periodPattern = /^(\d{4})-Q([1-4])$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function checkQuarter(year: number, quarter: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`expected a year 1..9999, got ${year}`);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`expected a quarter 1..4, got ${quarter}`);
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

export function quarterPeriod(year: number, quarter: number): string {
  checkQuarter(year, quarter);
  return `${year}-Q${quarter}`;
}

export function parseQuarterPeriod(period: string): QuarterRef {
  const m = periodPattern.exec(period);
  if (!m) throw new RangeError(`expected a quarter period like "2026-Q1", got "${period}"`);
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

export function quarterStart(year: number, quarter: number): string {
  checkQuarter(year, quarter);
  return `${year}-${pad2(quarter * 3 - 2)}-01`;
}

export function quarterEnd(year: number, quarter: number): string {
  checkQuarter(year, quarter);
  const month = quarter * 3;
  return `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`;
}

export function previousQuarter({ year, quarter }: QuarterRef): QuarterRef {
  checkQuarter(year, quarter);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parseIsoDate(date);
  return toIso(Date.UTC(y, m - 1, d + days));
}

export function quarterOfDate(date: string): QuarterRef {
  const { y, m } = parseIsoDate(date);
  return { year: y, quarter: Math.ceil(m / 3) };
}

/**
 * The quarter that has just ended at `instantIso`. A Schedule fires at 00:00 local time on the
 * first day of a quarter; in UTC that instant may fall on either side of midnight, but one day
 * earlier is always inside the quarter that ended, whatever the zone (offsets are < 24 h).
 */
export function quarterJustEnded(instantIso: string): QuarterRef {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new RangeError(`expected an ISO 8601 instant, got "${instantIso}"`);
  return quarterOfDate(toIso(ms - 86_400_000));
}

export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad2(i + 1)}`);
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: string): string {
  parseIsoDate(date);
  return date.slice(0, 7);
}

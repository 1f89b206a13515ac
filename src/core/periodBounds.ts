// Which periods a cycle may decide: only one that has ended in the bureau's time zone, so of a
// year from 2000 (before the service could have held figures) up to the current one. The API refuses
// others at /period and the workflow's first activity fails them for good, so neither a typing
// slip nor an early start by hand occupies a period's cycle id before its Schedule comes.
import { addDays, formatPeriod, periodEnd, type PeriodRef } from './calendar.js';
import { zonedInstant } from './presenceMonth.js';

export const firstYear = 2000;

/** The default of TIME_ZONE, for callers not handed the configured zone (tests, tools). */
export const defaultTimeZone = 'Asia/Shanghai';

/** A period or a year-end's year, as far as its bounds are concerned. */
export interface Span {
  label: string;
  year: number;
  lastDay: string;
}

export const periodSpan = (ref: PeriodRef): Span => ({ label: formatPeriod(ref), year: ref.year, lastDay: periodEnd(ref) });
export const yearSpan = (year: number): Span => ({ label: String(year).padStart(4, '0'), year, lastDay: `${year}-12-31` });

export interface OutOfBounds {
  type: 'InvalidCycleInput' | 'PeriodNotEnded';
  message: string;
}

function yearIn(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(now));
}

/**
 * Why a cycle for `span` cannot be decided at `now`, or undefined when it can: a year before 2000
 * or after next year is out of range; a period of this year or next that has not ended says when it ends.
 */
export function outOfBounds(span: Span, now: Date, timeZone: string): OutOfBounds | undefined {
  const thisYear = yearIn(now, timeZone);
  const range = `a year from ${firstYear} to ${thisYear}`;
  if (!Number.isInteger(span.year) || span.year < firstYear || span.year > thisYear + 1) {
    return { type: 'InvalidCycleInput', message: `${span.label}: expected a period of ${range} that has ended` };
  }
  const nextDay = addDays(span.lastDay, 1);
  const endsAt = zonedInstant(nextDay, 0, timeZone);
  if (now.getTime() < Date.parse(endsAt)) {
    return {
      type: 'PeriodNotEnded',
      message: `${span.label} has not ended: it ends at 00:00 on ${nextDay} ${timeZone} (${endsAt}); a cycle can be started from then`,
    };
  }
  return undefined;
}

// The month-by-month side of leader presence: which logged days count, when a leader short of
// days is reminded, how many working days are left. The compliance rule itself is judgePresence.
import { addDays, daysInMonth, monthOf } from './calendar.js';
import { judgePresence } from './presence.js';
import { daysMs } from './time.js';
import type { PresenceJudgement } from './types.js';

export type VisitStatus = 'pending' | 'confirmed' | 'disputed';

export interface LoggedVisit {
  date: string;
  status: VisitStatus;
  /** ISO instant the visit was logged. */
  loggedAt: string;
}

/**
 * The distinct days of `month` that count at `asOf`: confirmed visits, and visits the officer has
 * left unanswered for `confirmationDays`. A disputed visit never counts.
 */
export function countedDays(visits: readonly LoggedVisit[], month: string, asOf: string, confirmationDays: number): string[] {
  const cutoff = Date.parse(asOf) - daysMs(confirmationDays);
  const counted = visits.filter((v) => monthOf(v.date) === month && (v.status === 'confirmed' || (v.status === 'pending' && Date.parse(v.loggedAt) <= cutoff)));
  return [...new Set(counted.map((v) => v.date))].sort();
}

/** The month's judgement from its counted days, by the one compliance rule. */
export function judgeMonth(leader: string, month: string, days: readonly string[], minDays: number): PresenceJudgement {
  const judged = judgePresence(
    Number(month.slice(0, 4)),
    [leader],
    days.map((date) => ({ leader, date })),
    minDays,
  );
  return judged.find((j) => j.month === month)!;
}

function monthParts(month: string): { y: number; m: number; last: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { y, m, last: daysInMonth(y, m) };
}

/** Reminder dates of a month: positive points are days of the month, negative ones days before its last day. */
export function reminderDates(month: string, points: readonly number[]): string[] {
  const { last } = monthParts(month);
  const days = points.map((p) => (p > 0 ? Math.min(p, last) : last + p)).filter((d) => d >= 1);
  return [...new Set(days)].sort((a, b) => a - b).map((d) => `${month}-${String(d).padStart(2, '0')}`);
}

/** Monday-to-Friday days from `from` to the month's end, both included, less public holidays. */
export function workingDaysLeft(from: string, holidays: readonly string[]): number {
  const month = monthOf(from);
  const off = new Set(holidays);
  let count = 0;
  for (let d = from; monthOf(d) === month; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !off.has(d)) count += 1;
  }
  return count;
}

/** First day of the month after `month`. */
export function nextMonthStart(month: string): string {
  const { last } = monthParts(month);
  return addDays(`${month}-${String(last).padStart(2, '0')}`, 1);
}

/** The calendar fields of an instant as a clock in `timeZone` shows them (24-hour, zero-padded). */
function zonedParts(ms: number, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
}

/** The wall-clock day (YYYY-MM-DD) and time of an instant in `timeZone`. */
export function wallClock(at: Date | string, timeZone: string): { day: string; hour: number; minute: number } {
  const ms = new Date(at).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`expected an instant, got "${String(at)}"`);
  const p = zonedParts(ms, timeZone);
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
}

/**
 * The month an instant falls in, in `timeZone`: the month a Schedule firing at 00:00 local time on
 * its first day begins, and the month a launcher started by hand on any day of it is for.
 */
export function localMonth(at: Date | string, timeZone: string): string {
  return wallClock(at, timeZone).day.slice(0, 7);
}

/** The instant a local wall-clock time occurs in `timeZone`. */
export function zonedInstant(date: string, hour: number, timeZone: string): string {
  const guess = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const parts = zonedParts(guess, timeZone);
  const shown = Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`);
  return new Date(guess - (shown - guess)).toISOString();
}

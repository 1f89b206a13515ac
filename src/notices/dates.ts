// How notices show dates, months, periods and instants to people: instants in the bureau's time
// zone, Chinese in the style of bureau documents (2026年12月7日12时25分), English spelled out
// (7 December 2026, 12:25). Every notice text formats through here, so none shows an ISO
// timestamp or a UTC day.
import { cycleKindDescriptors, monthsEn } from '../core/cadences.js';
import { parsePeriod } from '../core/calendar.js';
import { wallClock } from '../core/presenceMonth.js';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** 2026-12-07 → 2026年12月7日 */
export const dayZh = (date: string) => {
  const [y, m, d] = parts(date);
  return `${y}年${m}月${d}日`;
};

/** 2026-12-07 → 7 December 2026 */
export const dayEn = (date: string) => {
  const [y, m, d] = parts(date);
  return `${d} ${monthsEn[m - 1]} ${y}`;
};

/** 2026-03 → 2026年3月 */
export const monthZh = (month: string) => {
  const [y, m] = parts(month);
  return cycleKindDescriptors.monthly.zh(y, m);
};

/** 2026-03 → March 2026 */
export const monthEn = (month: string) => {
  const [y, m] = parts(month);
  return cycleKindDescriptors.monthly.en(y, m);
};

/** The calendar day an instant falls on in `timeZone`, as YYYY-MM-DD. */
export const localDay = (at: Date | string, timeZone: string) => wallClock(at, timeZone).day;

/** 2026-12-07T04:25:51Z in Asia/Shanghai → 2026年12月7日12时25分 (12时 on the hour). */
export function instantZh(at: Date | string, timeZone: string): string {
  const { day, hour, minute } = wallClock(at, timeZone);
  return `${dayZh(day)}${hour}时${minute ? `${minute}分` : ''}`;
}

/** 2026-12-07T04:25:51Z in Asia/Shanghai → 7 December 2026, 12:25 (Asia/Shanghai time) */
export function instantEn(at: Date | string, timeZone: string): string {
  const { day, hour, minute } = wallClock(at, timeZone);
  return `${dayEn(day)}, ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')} (${timeZone} time)`;
}

/** As bureau documents write periods: 2026年第三季度, 2026年3月, 2026年上半年; anything else stays as it is. */
export function periodZh(period: string): string {
  const ref = periodRef(period);
  return ref ? cycleKindDescriptors[ref.cadence].zh(ref.year, ref.index) : period;
}

/** Q3 2026, March 2026, first half of 2026; anything else stays as it is. */
export function periodEn(period: string): string {
  const ref = periodRef(period);
  return ref ? cycleKindDescriptors[ref.cadence].en(ref.year, ref.index) : period;
}

function periodRef(period: string) {
  try {
    return parsePeriod(period);
  } catch {
    return undefined;
  }
}

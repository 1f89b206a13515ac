import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  formatPeriod,
  isIsoDate,
  monthsIn,
  monthsOfYear,
  parsePeriod,
  periodEnd,
  periodJustEnded,
  periodStart,
  previousPeriod,
  previousQuarter,
  quarterEndingIn,
  quarterEnd,
  quarterPeriod,
  quarterStart,
  type PeriodRef,
} from '../../src/core/calendar.js';

describe('periods', () => {
  it('names and parses months, quarters and half-years', () => {
    expect(quarterPeriod(2026, 1)).toBe('2026-Q1');
    expect(parsePeriod('2026-Q4')).toEqual({ cadence: 'quarterly', year: 2026, index: 4 });
    expect(parsePeriod('2026-03')).toEqual({ cadence: 'monthly', year: 2026, index: 3 });
    expect(parsePeriod('2026-H2')).toEqual({ cadence: 'half-year', year: 2026, index: 2 });
    for (const p of ['2026-01', '2026-12', '2026-Q1', '2026-H1']) expect(formatPeriod(parsePeriod(p))).toBe(p);
    for (const bad of ['2026-Q5', '2026Q1', '2026-q1', '26-Q1', '2026-Q1 ', '2026-13', '2026-00', '2026-3', '2026-H3', '2026-H0', '0000-01', '2026']) {
      expect(() => parsePeriod(bad)).toThrow(/a month "2026-03", a quarter "2026-Q1" or a half-year "2026-H1"/);
    }
    expect(() => quarterPeriod(2026, 0)).toThrow(/quarter 1..4/);
    expect(() => formatPeriod({ cadence: 'monthly', year: 2026, index: 13 })).toThrow(/month 1..12/);
    expect(() => formatPeriod({ cadence: 'half-year', year: 2026, index: 3 })).toThrow(/half-year 1..2/);
    expect([monthsIn('monthly'), monthsIn('quarterly'), monthsIn('half-year')]).toEqual([1, 3, 6]);
    expect(['2026-01', '2026-03', '2026-04', '2026-12', '2026-Q3', '2026-H1', '2026-H2'].map((p) => quarterEndingIn(parsePeriod(p)))).toEqual([
      1, 1, 2, 4, 3, 2, 4,
    ]);
  });

  it('gives month and half-year bounds, including February of a leap year', () => {
    const bounds = (p: string) => [periodStart(parsePeriod(p)), periodEnd(parsePeriod(p))];
    expect(bounds('2028-02')).toEqual(['2028-02-01', '2028-02-29']);
    expect(bounds('2026-02')).toEqual(['2026-02-01', '2026-02-28']);
    expect(bounds('2026-12')).toEqual(['2026-12-01', '2026-12-31']);
    expect(bounds('2026-H1')).toEqual(['2026-01-01', '2026-06-30']);
    expect(bounds('2026-H2')).toEqual(['2026-07-01', '2026-12-31']);
  });

  it('steps back a month or half-year over the year boundary', () => {
    const before = (p: string) => formatPeriod(previousPeriod(parsePeriod(p)));
    expect([before('2026-01'), before('2026-07'), before('2026-H1'), before('2026-H2'), before('2026-Q1')]).toEqual([
      '2025-12',
      '2026-06',
      '2025-H2',
      '2026-H1',
      '2025-Q4',
    ]);
  });

  it('gives quarter bounds, including leap years', () => {
    expect([quarterStart(2026, 1), quarterEnd(2026, 1)]).toEqual(['2026-01-01', '2026-03-31']);
    expect([quarterStart(2026, 2), quarterEnd(2026, 2)]).toEqual(['2026-04-01', '2026-06-30']);
    expect([quarterStart(2026, 3), quarterEnd(2026, 3)]).toEqual(['2026-07-01', '2026-09-30']);
    expect([quarterStart(2026, 4), quarterEnd(2026, 4)]).toEqual(['2026-10-01', '2026-12-31']);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('steps back over the year boundary', () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-03-31', 30)).toBe('2026-04-30');
    expect(addDays('2026-12-31', 30)).toBe('2027-01-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(() => addDays('2026-02-30', 1)).toThrow(/YYYY-MM-DD/);
  });

  it('finds the period that just ended whatever the schedule time zone', () => {
    const q = (index: number, year = 2026): PeriodRef => ({ cadence: 'quarterly', year, index });
    expect(periodJustEnded('quarterly', '2026-04-01T00:00:00+08:00')).toEqual(q(1)); // 2026-03-31T16:00Z
    expect(periodJustEnded('quarterly', '2026-04-01T00:00:00-05:00')).toEqual(q(1)); // 2026-04-01T05:00Z
    expect(periodJustEnded('quarterly', '2026-04-01T00:00:00Z')).toEqual(q(1));
    expect(periodJustEnded('quarterly', '2027-01-01T00:00:00+14:00')).toEqual(q(4));
    expect(periodJustEnded('quarterly', '2027-01-01T00:00:00-12:00')).toEqual(q(4));
    expect(formatPeriod(periodJustEnded('monthly', '2026-03-01T00:00:00+08:00'))).toBe('2026-02');
    expect(formatPeriod(periodJustEnded('monthly', '2027-01-01T00:00:00-12:00'))).toBe('2026-12');
    expect(formatPeriod(periodJustEnded('half-year', '2026-07-01T00:00:00+08:00'))).toBe('2026-H1');
    expect(formatPeriod(periodJustEnded('half-year', '2027-01-01T00:00:00+14:00'))).toBe('2026-H2');
    expect(() => periodJustEnded('monthly', 'yesterday')).toThrow(/ISO 8601/);
  });

  it('lists months and validates dates', () => {
    expect(monthsOfYear(2026)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
  });
});

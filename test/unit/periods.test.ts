import { describe, expect, it } from 'vitest';
import {
  addDays, daysInMonth, isIsoDate, monthsOfYear, parseQuarterPeriod, previousQuarter, quarterEnd, quarterJustEnded, quarterPeriod, quarterStart,
} from '../../src/core/periods.js';

describe('periods', () => {
  it('names and parses quarter periods', () => {
    expect(quarterPeriod(2026, 1)).toBe('2026-Q1');
    expect(parseQuarterPeriod('2026-Q4')).toEqual({ year: 2026, quarter: 4 });
    for (const bad of ['2026-Q5', '2026Q1', '2026-q1', '26-Q1', '2026-Q1 ']) expect(() => parseQuarterPeriod(bad)).toThrow(/2026-Q1/);
    expect(() => quarterPeriod(2026, 0)).toThrow(/quarter 1..4/);
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

  it('finds the quarter that just ended whatever the schedule time zone', () => {
    expect(quarterJustEnded('2026-04-01T00:00:00+08:00')).toEqual({ year: 2026, quarter: 1 }); // 2026-03-31T16:00Z
    expect(quarterJustEnded('2026-04-01T00:00:00-05:00')).toEqual({ year: 2026, quarter: 1 }); // 2026-04-01T05:00Z
    expect(quarterJustEnded('2026-04-01T00:00:00Z')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterJustEnded('2027-01-01T00:00:00+14:00')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterJustEnded('2027-01-01T00:00:00-12:00')).toEqual({ year: 2026, quarter: 4 });
    expect(() => quarterJustEnded('yesterday')).toThrow(/ISO 8601/);
  });

  it('lists months and validates dates', () => {
    expect(monthsOfYear(2026)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-05')).toBe(false);
  });
});

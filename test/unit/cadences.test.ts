// The cadence descriptor is the one place a cycle kind is described: every kind's example is a
// period of that kind, its texts are the bureau's, and an unknown kind does not compile.
import { describe, expect, it } from 'vitest';
import { cycleKinds } from '../../src/contracts/cycles.js';
import { cadences, cycleKindDescriptors, periodFormOf, periodsPerYear, type Cadence } from '../../src/core/cadences.js';
import { formatPeriod, parsePeriod, periodStart } from '../../src/core/calendar.js';
import { periodEn, periodZh } from '../../src/notices/dates.js';

describe('cadences', () => {
  it("parses each cadence's example as a period of that cadence and writes it back", () => {
    for (const c of cadences) {
      const ref = parsePeriod(cycleKindDescriptors[c].example);
      expect(ref.cadence).toBe(c);
      expect(formatPeriod(ref)).toBe(cycleKindDescriptors[c].example);
    }
    expect(periodFormOf('half-year')).toBe('a half-year as YYYY-Hn, e.g. "2026-H1"');
    expect(cycleKindDescriptors['year-end'].pattern.test(cycleKindDescriptors['year-end'].example)).toBe(true);
  });

  it('starts each Schedule in the months whose first day begins a period', () => {
    for (const c of cadences) {
      const months = cycleKindDescriptors[c].scheduleMonths;
      const starts = Array.from({ length: periodsPerYear(c) }, (_, i) => Number(periodStart({ cadence: c, year: 2026, index: i + 1 }).slice(5, 7)));
      expect(months === 'every' ? Array.from({ length: 12 }, (_, i) => i + 1) : months).toEqual(starts);
    }
  });

  it('writes every period as bureau documents do, in Chinese and English', () => {
    expect(cadences.map((c) => periodZh(cycleKindDescriptors[c].example))).toEqual(['2026年3月', '2026年第一季度', '2026年上半年']);
    expect(cadences.map((c) => periodEn(cycleKindDescriptors[c].example))).toEqual(['March 2026', 'Q1 2026', 'first half of 2026']);
    expect([periodZh('2026-H2'), periodEn('2026-H2'), periodZh('2026-Q3')]).toEqual(['2026年下半年', 'second half of 2026', '2026年第三季度']);
    expect(cycleKindDescriptors['year-end'].zh(2026)).toBe('2026年度');
  });

  it('knows only the kinds it describes', () => {
    expect(Object.keys(cycleKindDescriptors)).toEqual([...cycleKinds]);
    // @ts-expect-error an unknown cadence is a compile error, not silently a half-year
    const unknown: Cadence = 'weekly';
    expect(cadences).not.toContain(unknown);
  });
});

// The re-decision core of appeals, and the rule-set parameters that time them.
import { describe, expect, it } from 'vitest';
import { standingOf, withCorrections } from '../../src/core/appeal.js';
import { redecidePeriod } from '../../src/deciding/appeal.js';
import { decidePeriod } from '../../src/deciding/period.js';
import type { MetricValues, Office, PeriodInput } from '../../src/core/types.js';
import { loadDefaultRuleSet, validateRuleSet } from '../../src/rules/ruleSet.js';

const rules = loadDefaultRuleSet();
const offices: Office[] = [
  { id: 'a', name: 'A', population: 18000, complexity: 4, officers: ['o1', 'o2'], leader: 'L1', department: 'D1' },
  { id: 'b', name: 'B', population: 9000, complexity: 2, officers: ['o3'], leader: 'L2', department: 'D2' },
  { id: 'c', name: 'C', population: 6000, complexity: 1, officers: ['o4'], leader: 'L3', department: 'D3' },
];
const figures = (satisfaction: number): MetricValues => ({
  satisfaction,
  familiarity: 0.8,
  incidents: 5,
  prevention: 0.8,
  clues: 4,
  registration: 0.9,
  keyPersonControl: 0.9,
});
const input: PeriodInput = {
  period: { cadence: 'quarterly', year: 2026, index: 2 },
  offices,
  figures: { a: { metrics: figures(0.9) }, b: { metrics: figures(0.85) }, c: { metrics: figures(0.5) } },
  previous: { last: ['c'], scores: { c: 70 } },
};

describe('rule-set parameters of appeals', () => {
  it('older documents without them parse with the defaults: 10-day window, 15 days to decide, reminders every 3', () => {
    expect(rules.parameters).toMatchObject({ appealWindowDays: 10, appealDecisionDays: 15, appealReminderDays: 3 });
  });

  it('refuses values out of range, naming the parameter', () => {
    const r = validateRuleSet({ ...rules, parameters: { ...rules.parameters, appealWindowDays: -1 } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.path).toEqual(['parameters', 'appealWindowDays']);
  });
});

describe('redecidePeriod', () => {
  it('changes nothing without a correction', async () => {
    const decided = await decidePeriod(input, rules);
    const red = await redecidePeriod(input, rules, [], standingOf(decided));
    expect(red).toMatchObject({ evaluations: [], decisions: [], obligations: [], withdrawnNotices: [], newNotices: [] });
  });

  it('lists every consequence of a correction: scores, ranks, sanctions falling away and falling on another office, subsidies, notices', async () => {
    const decided = await decidePeriod(input, rules);
    expect(decided.decisions.filter((d) => d.type === 'sanction').map((d) => `${d.community}:${(d as { kind: string }).kind}`)).toEqual([
      'c:circulated-criticism',
      'c:admonishment-talk',
      'c:rural-reassignment',
    ]);
    const red = await redecidePeriod(input, rules, [{ community: 'c', metric: 'satisfaction', value: 1 }], standingOf(decided));

    // Each office is scored on its own figures: a keeps its score and rank; b and c swap places.
    expect(red.evaluations.map((e) => e.community).sort()).toEqual(['b', 'c']);
    expect(red.evaluations.find((e) => e.community === 'c')!.after.isLast).toBe(false);
    const newLast = red.outcome.ranking.find((r) => r.isLast)!.community;
    expect(newLast).toBe('b');
    // c's three sanctions fall away; b, not last before, gets criticism and a talk but no reassignment.
    expect(
      red.decisions
        .filter((d) => d.after === null)
        .map((d) => d.slot)
        .sort(),
    ).toEqual(['admonishment-talk/c', 'circulated-criticism/c', 'rural-reassignment/c']);
    expect(
      red.decisions
        .filter((d) => d.before === null)
        .map((d) => d.slot)
        .sort(),
    ).toEqual(['admonishment-talk/b', 'circulated-criticism/b']);
    expect(red.withdrawnNotices).toEqual(['c']);
    expect(red.newNotices).toEqual(['b']);
    // Every subsidy moves with the scores; the pool stays 500 × 4 officers × 3 months.
    expect(red.obligations.map((o) => o.id).sort()).toEqual(['2026-Q2/subsidy/o1', '2026-Q2/subsidy/o2', '2026-Q2/subsidy/o3', '2026-Q2/subsidy/o4']);
    expect(red.obligations.reduce((s, o) => s + o.after!, 0)).toBeCloseTo(6000, 1);
    expect(red.obligations.find((o) => o.id === '2026-Q2/subsidy/o4')!.after).toBeGreaterThan(
      red.obligations.find((o) => o.id === '2026-Q2/subsidy/o4')!.before!,
    );
  });
});

describe('withCorrections', () => {
  const counts = (numerator: number, denominator: number) => ({ numerator, denominator, counts: {} });
  const derivedInput: PeriodInput = {
    ...input,
    figures: { ...input.figures, c: { metrics: figures(0.5), derived: { registration: counts(9, 10), keyPersonControl: counts(9, 10) } } },
  };

  it("drops the register's counts of a corrected derived figure and keeps the other metrics'", () => {
    const corrected = withCorrections(derivedInput.figures, [{ community: 'c', metric: 'registration', value: 1 }]);
    expect(corrected.c).toEqual({ metrics: { ...figures(0.5), registration: 1 }, derived: { keyPersonControl: counts(9, 10) } });
  });

  it('keeps every count when a submitted figure is corrected', () => {
    const corrected = withCorrections(derivedInput.figures, [{ community: 'c', metric: 'satisfaction', value: 1 }]);
    expect(corrected.c).toEqual({ metrics: { ...figures(0.5), satisfaction: 1 }, derived: { registration: counts(9, 10), keyPersonControl: counts(9, 10) } });
  });
});

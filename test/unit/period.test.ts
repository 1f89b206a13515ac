// Monthly and half-year evaluations (月考, 半年考) through the same core as the quarter.
import { describe, expect, it } from 'vitest';
import type { PeriodRef } from '../../src/core/calendar.js';
import type { Office, PeriodFigures, PreviousPeriod, SanctionDecision } from '../../src/core/types.js';
import { decidePeriod } from '../../src/deciding/period.js';
import { CadenceNotDefinedError, loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { withMonthlyAndHalfYear } from '../support/cadenceRules.js';

const rules = withMonthlyAndHalfYear();
const offices: Office[] = [
  { id: 'a', name: 'A', population: 10000, complexity: 1, officers: ['o1', 'o2'], leader: 'L1', department: 'D1' },
  { id: 'b', name: 'B', population: 10000, complexity: 1, officers: ['o3'], leader: 'L2', department: 'D2' },
];
const scores = (s: Record<string, number>): Record<string, PeriodFigures> => Object.fromEntries(Object.entries(s).map(([k, score]) => [k, { score }]));
const month = (index: number): PeriodRef => ({ cadence: 'monthly', year: 2026, index });
const sanctions = (decisions: { type: string }[]) =>
  (decisions.filter((d) => d.type === 'sanction') as SanctionDecision[]).map((d) => `${d.community}:${d.kind}`);

describe('decidePeriod for months and half-years', () => {
  it('runs the monthly rules: sanctions and a joint notice, but no subsidy', async () => {
    const outcome = await decidePeriod({ period: month(5), offices, figures: scores({ a: 90, b: 70 }) }, rules);
    expect(outcome.period).toBe('2026-05');
    expect(sanctions(outcome.decisions)).toEqual(['b:circulated-criticism']);
    expect(outcome.decisions.some((d) => d.type === 'subsidy')).toBe(false);
    expect(outcome.obligations).toEqual([]);
    expect(outcome.notices).toEqual([expect.objectContaining({ kind: 'joint-notice', about: 'b', rule: 'monthly-last' })]);
    const decision = outcome.decisions[0] as SanctionDecision;
    expect(decision.because).toBe('last of 2 offices in 2026-05 with 70 points (isLast is true)');
    // The quarter fact names the quarter the month falls in.
    expect(decision.facts).toMatchObject({ quarter: 2, consecutivePeriodsLast: 1 });
  });

  it('counts a streak of months from the month before, across the year', async () => {
    const previous: PreviousPeriod = { last: ['b'], scores: { b: 71 }, consecutiveLast: { b: 3 } };
    const outcome = await decidePeriod({ period: month(1), offices, figures: scores({ a: 90, b: 70 }), previous }, rules);
    expect(sanctions(outcome.decisions)).toEqual(['b:circulated-criticism', 'b:admonishment-talk']);
    expect(outcome.consecutiveLast).toEqual({ b: 4 });
  });

  it('runs the half-year rules on a half-year', async () => {
    const outcome = await decidePeriod({ period: { cadence: 'half-year', year: 2026, index: 2 }, offices, figures: scores({ a: 60, b: 70 }) }, rules);
    expect(outcome.period).toBe('2026-H2');
    expect(sanctions(outcome.decisions)).toEqual(['a:admonishment-talk']);
    expect(outcome.notices).toEqual([]);
    expect((outcome.decisions[0] as SanctionDecision).facts).toMatchObject({ quarter: 4 });
  });

  it('scales count targets, written per quarter, to the length of the period', async () => {
    // 5 incidents per 10,000 residents: a quarter's target is 20, a month's 20/3, a half-year's 40.
    const figures = { a: { metrics: { incidents: 5 } }, b: { metrics: { incidents: 5 } } };
    const points = async (period: PeriodRef) => (await decidePeriod({ period, offices, figures }, rules)).ranking[0]!.score;
    expect(await points({ cadence: 'quarterly', year: 2026, index: 1 })).toBe(75);
    expect(await points(month(1))).toBe(25);
    expect(await points({ cadence: 'half-year', year: 2026, index: 1 })).toBe(87.5);
  });

  it('refuses a cadence the rule set does not define, naming its stage', async () => {
    const off = loadDefaultRuleSet();
    await expect(decidePeriod({ period: month(3), offices, figures: scores({ a: 1, b: 2 }) }, off)).rejects.toThrow(CadenceNotDefinedError);
    await expect(decidePeriod({ period: { cadence: 'half-year', year: 2026, index: 1 }, offices, figures: {} }, off)).rejects.toThrow(
      /"rules.halfYear".*2026-H1/,
    );
  });
});

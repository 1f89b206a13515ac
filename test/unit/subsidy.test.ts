import { describe, expect, it } from 'vitest';
import { splitSubsidy } from '../../src/core/subsidy.js';
import type { Office } from '../../src/core/types.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';

const parameters = loadDefaultRuleSet().parameters;
const office = (id: string, officers: string[]): Office => ({ id, name: id, population: 10000, complexity: 1, officers });

describe('splitSubsidy', () => {
  const offices = new Map([
    ['a', office('a', ['o1', 'o2'])],
    ['b', office('b', ['o3'])],
    ['c', office('c', ['o4'])],
    ['d', office('d', ['o5', 'o6'])],
  ]);
  const ranked = [
    { community: 'a', score: 91.37 },
    { community: 'b', score: 83.33 },
    { community: 'c', score: 77.77 },
    { community: 'd', score: 66.61 },
  ];

  it('splits 500 × officers × 3 in proportion to score, summing to the pool within a fen per officer', () => {
    const { decisions, obligations } = splitSubsidy(2026, 1, ranked, offices, parameters);
    const pool = 500 * 6 * 3;
    const sum = decisions.reduce((s, d) => s + d.amount, 0);
    expect(Math.abs(sum - pool)).toBeLessThanOrEqual(0.01 * 6);
    for (const d of decisions) expect(Math.round(d.amount * 100)).toBeCloseTo(d.amount * 100, 6);
    // o1: 9000 × 91.37 ÷ (2×91.37 + 83.33 + 77.77 + 2×66.61) = 9000 × 91.37 ÷ 477.06 = 1723.745… → 1723.75
    expect(decisions.find((d) => d.officer === 'o1')?.amount).toBe(1723.75);
    expect(decisions.find((d) => d.officer === 'o2')?.amount).toBe(1723.75);
    expect(decisions[0]).toMatchObject({ type: 'subsidy', rule: 'subsidy-pool-split', obligation: '2026-Q1/subsidy/o1', community: 'a' });
    expect(decisions[0]?.because).toContain('500 × 6 officers × 3 months');
    expect(obligations[0]).toEqual({ id: '2026-Q1/subsidy/o1', kind: 'subsidy', payees: ['o1'], community: 'a', amount: 1723.75, due: '2026-04-30' });
  });

  it('puts Q4 subsidies due in the next year', () => {
    expect(splitSubsidy(2026, 4, ranked, offices, parameters).obligations[0]?.due).toBe('2027-01-30');
  });

  it('shares the pool equally when every score is 0', () => {
    const zero = ranked.map((r) => ({ ...r, score: 0 }));
    expect(new Set(splitSubsidy(2026, 2, zero, offices, parameters).decisions.map((d) => d.amount))).toEqual(new Set([1500]));
  });
});

import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '../../src/core/numbers.js';
import { InvalidFigureError, scoreOffice } from '../../src/core/scoring.js';
import type { Office } from '../../src/core/types.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';

const scoring = loadDefaultRuleSet().scoring;
const office = (over: Partial<Office> = {}): Office => ({ id: 'xjk', name: '小江口', population: 18000, complexity: 4, officers: ['o1', 'o2'], ...over });
const figures = { satisfaction: 0.93, familiarity: 0.81, incidents: 14, prevention: 0.7, clues: 9, registration: 0.96, keyPersonControl: 1.0 };

describe('scoreOffice', () => {
  // The worked example of src/core/scoring.ts, by hand:
  //   factor = 1 + 0.15 × (4 − 1) = 1.45
  //   incidents: 14 ÷ 18,000 × 10,000 = 7.7778; ÷ 1.45 = 5.3640; 100 × (1 − 5.3640 ÷ 20) = 73.18
  //   clues:      9 ÷ 18,000 × 10,000 = 5.0000; ÷ 1.45 = 3.4483; 100 × 3.4483 ÷ 10      = 34.48
  //   (93×20 + 81×15 + 73.18×15 + 70×15 + 34.48×10 + 96×15 + 100×10) ÷ 100 = 8007.5 ÷ 100 = 80.075 → 80.08
  it('matches the hand-worked example, complexity adjustment included', () => {
    const result = scoreOffice(office(), figures, scoring);
    expect(result.score).toBe(80.08);
    expect(result.missing).toEqual([]);
    const byMetric = Object.fromEntries(result.breakdown.map((b) => [b.metric, b]));
    expect(byMetric.incidents).toMatchObject({ value: 14, adjusted: 5.364, points: 73.18, weight: 15, contribution: 10.98 });
    expect(byMetric.clues).toMatchObject({ value: 9, adjusted: 3.4483, points: 34.48, weight: 10, contribution: 3.45 });
    expect(byMetric.satisfaction).toMatchObject({ points: 93, contribution: 18.6 });
    expect(byMetric.satisfaction?.adjusted).toBeUndefined();
  });

  it('judges counts fairly: the same count weighs less in a more complex community', () => {
    const calm = scoreOffice(office({ complexity: 1 }), { incidents: 14 }, scoring).breakdown[0]!;
    const complex = scoreOffice(office({ complexity: 5 }), { incidents: 14 }, scoring).breakdown[0]!;
    expect(calm.adjusted).toBe(7.7778); // factor 1
    expect(complex.adjusted).toBe(4.8611); // factor 1.6
    expect(complex.points).toBeGreaterThan(calm.points);
  });

  it('caps count points at 100 and floors them at 0', () => {
    const result = scoreOffice(office({ population: 1000, complexity: 1 }), { clues: 5, incidents: 5 }, scoring);
    const byMetric = Object.fromEntries(result.breakdown.map((b) => [b.metric, b.points]));
    expect(byMetric).toEqual({ clues: 100, incidents: 0 }); // 50 per 10k against targets of 10 and 20
  });

  it('leaves missing metrics out and renormalises the weights of the rest', () => {
    const result = scoreOffice(office(), { satisfaction: 0.9, familiarity: 0.6 }, scoring);
    // (90 × 20 + 60 × 15) ÷ 35 = 77.142… → 77.14
    expect(result.score).toBe(77.14);
    expect(result.missing).toEqual(['incidents', 'prevention', 'clues', 'registration', 'keyPersonControl']);
  });

  it('scores a lower-is-better rate as 100 × (1 − value)', () => {
    const lowerRate = { ...scoring, metrics: { prevention: { ...scoring.metrics.prevention!, direction: 'lower' as const } } };
    expect(scoreOffice(office(), { prevention: 0.25 }, lowerRate).score).toBe(75);
  });

  it('rejects out-of-range figures naming the field', () => {
    const fail = (o: Office, m: object) => () => scoreOffice(o, m, scoring);
    expect(fail(office(), { satisfaction: 1.3 })).toThrow(InvalidFigureError);
    expect(fail(office(), { satisfaction: 1.3 })).toThrow(/xjk: satisfaction: expected a rate between 0 and 1, got 1.3/);
    expect(fail(office(), { incidents: -1 })).toThrow(/incidents: expected a count of 0 or more/);
    expect(fail(office({ population: 0 }), figures)).toThrow(/population: expected a population greater than 0/);
    expect(fail(office({ complexity: 6 }), figures)).toThrow(/complexity: expected a complexity from 1/);
    expect(fail(office(), {})).toThrow(/metrics: expected a figure for at least one metric/);
  });
});

describe('roundHalfUp', () => {
  it('rounds exact halves up despite binary representation', () => {
    expect(roundHalfUp(80.075)).toBe(80.08);
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(1453.4045)).toBe(1453.4);
    expect(roundHalfUp(-2.345)).toBe(-2.35);
    expect(roundHalfUp(5.36398, 4)).toBe(5.364);
  });
});

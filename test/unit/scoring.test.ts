import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '../../src/core/numbers.js';
import { complexityFactor, InvalidFigureError, scoreOffice, type ScoringConfig } from '../../src/core/scoring.js';
import type { Office } from '../../src/core/types.js';
import { loadDefaultRuleSet, parseRuleSet } from '../../src/rules/ruleSet.js';
import { seeded } from '../support/random.js';

const scoring = loadDefaultRuleSet().scoring;
const office = (over: Partial<Office> = {}): Office => ({ id: 'xjk', name: '小江口', population: 18000, complexity: 4, officers: ['o1', 'o2'], ...over });
const cents = (value: number) => Math.round(value * 100);
const figures = { satisfaction: 0.93, familiarity: 0.81, incidents: 14, prevention: 0.7, clues: 9, registration: 0.96, keyPersonControl: 1.0 };

describe('scoreOffice', () => {
  // The worked example of src/core/scoring.ts and docs/scoring.md, by hand:
  //   factor = 1 + 0.15 × (4 − 1) = 1.45
  //   incidents:  14 ÷ 18,000 × 10,000 = 7.7778; 100 × (1 − 7.7778 ÷ 20) = 61.11; 100 − 38.89 ÷ 1.45 = 73.18
  //   prevention: 70.00; 100 − 30.00 ÷ 1.45 = 79.31
  //   clues:       9 ÷ 18,000 × 10,000 = 5.0000; 100 × 5.0000 ÷ 10 = 50.00; 100 − 50.00 ÷ 1.45 = 65.52
  //   (93×20 + 81×15 + 73.18×15 + 79.31×15 + 65.52×10 + 96×15 + 100×10) ÷ 100 = 84.5755 → 84.58
  //   shares cut to the cent sum to 84.56; the 2 cents left go to incidents (.7) and prevention (.65)
  it('matches the hand-worked example, complexity and contributions included', () => {
    const result = scoreOffice(office(), figures, scoring);
    expect(result.score).toBe(84.58);
    expect(result.missing).toEqual([]);
    const byMetric = Object.fromEntries(result.breakdown.map((b) => [b.metric, b]));
    expect(byMetric.incidents).toEqual({
      metric: 'incidents',
      value: 14,
      perResidents: 7.7778,
      basePoints: 61.11,
      complexityFactor: 1.45,
      points: 73.18,
      weight: 15,
      contribution: 10.98,
    });
    expect(byMetric.prevention).toEqual({
      metric: 'prevention',
      value: 0.7,
      basePoints: 70,
      complexityFactor: 1.45,
      points: 79.31,
      weight: 15,
      contribution: 11.9,
    });
    expect(byMetric.clues).toEqual({
      metric: 'clues',
      value: 9,
      perResidents: 5,
      basePoints: 50,
      complexityFactor: 1.45,
      points: 65.52,
      weight: 10,
      contribution: 6.55,
    });
    expect(byMetric.satisfaction).toEqual({ metric: 'satisfaction', value: 0.93, points: 93, weight: 20, contribution: 18.6 });
    expect(result.breakdown.map((b) => b.contribution)).toEqual([18.6, 12.15, 10.98, 11.9, 6.55, 14.4, 10]);
    expect(cents(result.breakdown.reduce((sum, b) => sum + b.contribution, 0))).toBe(8458);
    // The same figures in a calm community (docs/scoring.md): 61.11, 70.00 and 50.00 unforgiven.
    expect(scoreOffice(office({ complexity: 1 }), figures, scoring).score).toBe(79.82);
  });

  it('judges clues, incidents and prevention in a complex community higher than in a calm one', () => {
    const calm = scoreOffice(office({ complexity: 1 }), { clues: 9, incidents: 14, prevention: 0.7 }, scoring);
    const complex = scoreOffice(office({ complexity: 5 }), { clues: 9, incidents: 14, prevention: 0.7 }, scoring);
    for (const [i, metric] of ['incidents', 'prevention', 'clues'].entries()) {
      expect(complex.breakdown[i]).toMatchObject({ metric, complexityFactor: 1.6 });
      expect(calm.breakdown[i]).toMatchObject({ metric, complexityFactor: 1, points: calm.breakdown[i]!.basePoints });
      expect(complex.breakdown[i]!.points).toBeGreaterThan(calm.breakdown[i]!.points);
    }
    expect(complex.score).toBeGreaterThan(calm.score);
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
    expect(scoreOffice(office({ complexity: 1 }), { prevention: 0.25 }, lowerRate).score).toBe(75);
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

const adjustedByDefault = ['incidents', 'prevention', 'clues'] as const;

/** Random figures for every metric, as departments submit them (rates to 2 or 4 places, counts whole). */
function randomFigures(r: ReturnType<typeof seeded>, population: number) {
  const rate = () => (r.next() < 0.1 ? r.pick([0, 1]) : r.fixed(0, 1, r.pick([2, 4])));
  const count = () => (r.next() < 0.1 ? 0 : r.int(0, Math.ceil(population / 300)));
  return { satisfaction: rate(), familiarity: rate(), incidents: count(), prevention: rate(), clues: count(), registration: rate(), keyPersonControl: rate() };
}

describe('complexity weighs the way the report asks (property, 3,000 seeded cases)', () => {
  const r = seeded(20260905);
  const cases = Array.from({ length: 3000 }, () => {
    const population = r.int(300, 60_000);
    const calm = r.int(1, 4);
    return { population, calm, complex: r.int(calm + 1, 5), figures: randomFigures(r, population) };
  });

  it('gives a more complex community, every other figure equal, never fewer points and more wherever a metric is short of 100', () => {
    let strict = 0;
    for (const c of cases) {
      const calm = scoreOffice(office({ population: c.population, complexity: c.calm }), c.figures, scoring);
      const complex = scoreOffice(office({ population: c.population, complexity: c.complex }), c.figures, scoring);
      const label = JSON.stringify(c);
      expect(complex.score, label).toBeGreaterThanOrEqual(calm.score);
      calm.breakdown.forEach((before, i) => {
        const after = complex.breakdown[i]!;
        if (!(adjustedByDefault as readonly string[]).includes(before.metric)) {
          expect({ ...after, contribution: 0 }, label).toEqual({ ...before, contribution: 0 });
          return;
        }
        expect(after.basePoints, label).toBe(before.basePoints);
        expect(after.points, label).toBeGreaterThanOrEqual(before.points);
        if (before.points === 100) return;
        // Points are shown to the cent, so "more" is visible once the extra forgiveness reaches a cent.
        const forgiven = (100 - before.basePoints!) * (1 / before.complexityFactor! - 1 / after.complexityFactor!);
        if (forgiven >= 0.01) {
          expect(after.points, label).toBeGreaterThan(before.points);
          strict += 1;
        }
      });
    }
    expect(strict).toBeGreaterThan(3000);
  });

  it('ranks the five complexities strictly for any metric at least 0.16 points short of 100', () => {
    for (const c of cases.slice(0, 500)) {
      const points = [1, 2, 3, 4, 5].map((complexity) => scoreOffice(office({ population: c.population, complexity }), c.figures, scoring).breakdown);
      for (const [i, metric] of points[0]!.entries()) {
        if (!(adjustedByDefault as readonly string[]).includes(metric.metric) || metric.basePoints! > 99.84) continue;
        const series = points.map((b) => b[i]!.points);
        expect(series, JSON.stringify(c)).toEqual([...series].sort((a, b) => a - b));
        expect(new Set(series).size, JSON.stringify(c)).toBe(5);
      }
    }
  });

  it('weighs complexity on exactly the metrics the rule set marks', () => {
    const marked: ScoringConfig = {
      ...scoring,
      metrics: {
        ...scoring.metrics,
        satisfaction: { ...scoring.metrics.satisfaction!, complexityAdjusted: true },
        clues: { ...scoring.metrics.clues!, complexityAdjusted: false },
      },
    };
    const at = (complexity: number) => Object.fromEntries(scoreOffice(office({ complexity }), figures, marked).breakdown.map((b) => [b.metric, b.points]));
    expect(at(5).satisfaction).toBeGreaterThan(at(1).satisfaction!);
    expect(at(5).clues).toBe(at(1).clues);
    expect(at(5).clues).toBe(50);
  });

  it('reads a rule-set version stored before the marks existed as the documented default', () => {
    const older = structuredClone(loadDefaultRuleSet()) as any;
    for (const metric of Object.values(older.scoring.metrics) as { complexityAdjusted?: boolean }[]) delete metric.complexityAdjusted;
    const parsed = parseRuleSet(older, 'rule set version 1');
    expect(parsed.scoring.metrics.clues!.complexityAdjusted).toBeUndefined();
    expect(scoreOffice(office(), figures, parsed.scoring)).toEqual(scoreOffice(office(), figures, scoring));
  });

  it('computes the factor as 1 + step × (complexity − 1)', () => {
    expect([1, 2, 3, 4, 5].map((complexity) => complexityFactor({ complexity }, scoring))).toEqual([1, 1.15, 1.3, 1.45, 1.6]);
  });
});

describe('the breakdown adds up to the score (property, 5,000 seeded offices)', () => {
  const r = seeded(80_07);

  it('sums the stored contributions to the score to the cent, each within a cent of its exact share', () => {
    for (let n = 0; n < 5000; n++) {
      const population = r.int(300, 60_000);
      const all = randomFigures(r, population);
      const present = Object.fromEntries(Object.entries(all).filter(() => r.next() < 0.8));
      if (Object.keys(present).length === 0) continue;
      // Weights as a bureau might write them: whole, or with a decimal or two.
      const metrics = Object.fromEntries(Object.entries(scoring.metrics).map(([k, m]) => [k, { ...m!, weight: r.pick([r.int(1, 30), r.fixed(0.1, 25, 2)]) }]));
      const config = { ...scoring, metrics } as ScoringConfig;
      const result = scoreOffice(office({ population, complexity: r.int(1, 5) }), present, config);
      const label = JSON.stringify({ population, present, metrics: Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, m.weight])) });
      expect(cents(result.breakdown.reduce((sum, b) => sum + b.contribution, 0)), label).toBe(cents(result.score));
      const total = result.breakdown.reduce((sum, b) => sum + b.weight, 0);
      for (const b of result.breakdown) {
        expect(Math.abs(b.contribution - (b.points * b.weight) / total), label).toBeLessThan(0.01 + 1e-9);
        expect(Number.isInteger(cents(b.contribution)) && Math.abs(b.contribution * 100 - cents(b.contribution)) < 1e-6, label).toBe(true);
      }
    }
  });

  it('gives the cent rounding each share would lose to the largest remainder', () => {
    // Three equal weights and 100 points each: every share is 33.333…; cut, they sum to 99.99 and
    // the score is 100.00, so the one cent left goes to the first of the equal remainders.
    const equal = {
      ...scoring,
      metrics: {
        satisfaction: { ...scoring.metrics.satisfaction!, weight: 1 },
        familiarity: { ...scoring.metrics.familiarity!, weight: 1 },
        registration: { ...scoring.metrics.registration!, weight: 1 },
      },
    };
    const result = scoreOffice(office(), { satisfaction: 1, familiarity: 1, registration: 1 }, equal);
    expect(result.score).toBe(100);
    expect(result.breakdown.map((b) => b.contribution)).toEqual([33.34, 33.33, 33.33]);
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

// The quarterly score, computed so a clerk can redo it by hand from the breakdown:
//
//   rate metric    points = 100 × value                (higher is better)
//                  points = 100 × (1 − value)          (lower is better)
//   count metric   per10k   = count ÷ population × 10,000
//                  factor   = 1 + complexityStep × (complexity − 1)      (1.00 … 1.60 by default)
//                  adjusted = per10k ÷ factor                            (shown to 4 decimals)
//                  points   = min(100, 100 × adjusted ÷ target)          (higher is better)
//                  points   = max(0, 100 × (1 − adjusted ÷ target))      (lower is better)
//   score          = Σ points × weight ÷ Σ weight, over the metrics with a figure (2 decimals)
//
// Each step uses the rounded value shown in the breakdown (adjusted to 4 decimals, points to 2),
// so the clerk's arithmetic and the program's agree to the fen.
//
// Worked example, default weights: 18,000 residents, complexity 4 (factor 1.45);
//   satisfaction 0.93 → 93.00 × 20     familiarity 0.81 → 81.00 × 15
//   incidents 14: 14 ÷ 18,000 × 10,000 = 7.7778; ÷ 1.45 = 5.3640; 100 × (1 − 5.3640 ÷ 20) = 73.18 × 15
//   prevention 0.70 → 70.00 × 15
//   clues 9: 9 ÷ 18,000 × 10,000 = 5.0000; ÷ 1.45 = 3.4483; 100 × 3.4483 ÷ 10 = 34.48 × 10
//   registration 0.96 → 96.00 × 15    keyPersonControl 1.00 → 100.00 × 10
//   score = (1860 + 1215 + 1097.7 + 1050 + 344.8 + 1440 + 1000) ÷ 100 = 80.075 → 80.08
import type { MetricConfig, ScoringConfig } from '../rules/ruleSet.js';
import { roundHalfUp } from './numbers.js';
import { metricKeys, type MetricBreakdownEntry, type MetricKey, type MetricValues, type Office, type ScoredOffice } from './types.js';

export class InvalidFigureError extends Error {
  constructor(readonly office: string, readonly field: string, readonly expected: string, readonly value: unknown) {
    super(`office ${office}: ${field}: ${expected}, got ${JSON.stringify(value)}`);
    this.name = 'InvalidFigureError';
  }
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What is wrong with one metric figure, or undefined. Shared with document validation. */
export function figureProblem(metric: MetricConfig, value: unknown): string | undefined {
  if (!isNumber(value)) return 'expected a number';
  if (metric.kind === 'rate' && (value < 0 || value > 1)) return 'expected a rate between 0 and 1';
  if (metric.kind === 'count' && value < 0) return 'expected a count of 0 or more';
  return undefined;
}

export function scoreProblem(value: unknown): string | undefined {
  return isNumber(value) && value >= 0 && value <= 100 ? undefined : 'expected a score between 0 and 100';
}

/** The first thing wrong with an office's population or complexity, or undefined. */
export function officeProblem(office: Pick<Office, 'population' | 'complexity'>): { field: 'population' | 'complexity'; expected: string } | undefined {
  if (!isNumber(office.population) || office.population <= 0) return { field: 'population', expected: 'expected a population greater than 0' };
  if (!isNumber(office.complexity) || office.complexity < 1 || office.complexity > 5) {
    return { field: 'complexity', expected: 'expected a complexity from 1 (calm) to 5 (most complex)' };
  }
  return undefined;
}

/** Count targets are written per quarter: a month's is a third of it, a half-year's twice. */
export function scoringForMonths(scoring: ScoringConfig, months: number): ScoringConfig {
  if (months === 3) return scoring;
  const metrics = Object.fromEntries(Object.entries(scoring.metrics).map(([key, m]) => [key, m?.kind === 'count' ? { ...m, target: (m.target * months) / 3 } : m]));
  return { ...scoring, metrics };
}

/** A count per `perResidents` residents, not yet adjusted for complexity. */
export function perResidents(count: number, office: Pick<Office, 'population'>, scoring: ScoringConfig): number {
  return (count / office.population) * scoring.perResidents;
}

function metricPoints(metric: MetricConfig, value: number, office: Office, scoring: ScoringConfig): { points: number; adjusted?: number } {
  if (metric.kind === 'rate') {
    return { points: roundHalfUp(100 * (metric.direction === 'higher' ? value : 1 - value)) };
  }
  const factor = 1 + scoring.complexityStep * (office.complexity - 1);
  const adjusted = roundHalfUp(perResidents(value, office, scoring) / factor, 4);
  const ratio = adjusted / metric.target;
  const points = metric.direction === 'higher' ? Math.min(100, 100 * ratio) : Math.max(0, 100 * (1 - ratio));
  return { points: roundHalfUp(points), adjusted };
}

export function scoreOffice(office: Office, metrics: MetricValues, scoring: ScoringConfig): ScoredOffice {
  const problem = officeProblem(office);
  if (problem) throw new InvalidFigureError(office.id, problem.field, problem.expected, office[problem.field]);

  // One pass that builds the breakdown entries and the sums; contributions need the total
  // weight, so they are filled in after it (this runs once per office in a national pass).
  const breakdown: MetricBreakdownEntry[] = [];
  const missing: MetricKey[] = [];
  let totalWeight = 0;
  let weighted = 0;
  for (const key of metricKeys) {
    const config = scoring.metrics[key];
    if (!config) continue;
    const value = metrics[key];
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    const figure = figureProblem(config, value);
    if (figure) throw new InvalidFigureError(office.id, key, figure, value);
    const { points, adjusted } = metricPoints(config, value, office, scoring);
    const entry: MetricBreakdownEntry = { metric: key, value, points, weight: config.weight, contribution: 0 };
    if (adjusted !== undefined) entry.adjusted = adjusted;
    breakdown.push(entry);
    totalWeight += config.weight;
    weighted += points * config.weight;
  }
  if (totalWeight <= 0) {
    throw new InvalidFigureError(office.id, 'metrics', 'expected a figure for at least one metric with a positive weight', Object.keys(metrics));
  }
  for (const entry of breakdown) entry.contribution = roundHalfUp((entry.points * entry.weight) / totalWeight);
  return { community: office.id, score: roundHalfUp(weighted / totalWeight), breakdown, missing };
}

// The quarterly score, computed so a clerk can redo it by hand from the breakdown. Every number
// shown is rounded half up once, and the next step uses the rounded number:
//
//   rate metric    base = 100 × value  (higher is better)   or   100 × (1 − value)  (lower is better)
//   count metric   per  = count ÷ population × perResidents                     (4 decimals)
//                  base = min(100, 100 × per ÷ target)  or  max(0, 100 × (1 − per ÷ target))
//   every base     2 decimals
//   complexity     for a metric the rule set marks complexityAdjusted (default: incidents,
//                  prevention, clues) the factor forgives part of the shortfall from 100:
//                  factor = 1 + complexityStep × (complexity − 1)            (4 decimals; 1.00 … 1.60 by default)
//                  points = 100 − (100 − base) ÷ factor                      (2 decimals)
//                  so a harder community never has fewer points for the same figure, and has
//                  more wherever the base is short of 100; other metrics: points = base
//   score          = Σ points × weight ÷ Σ weight over the metrics with a figure   (2 decimals)
//   contributions  each metric's points × weight ÷ Σ weight, cut (not rounded) to the cent; the
//                  cents the score has left over go one each to the largest cut-off remainders
//                  (first in table order on a tie), so the contributions add up to the score
//
// Worked example, default weights: 18,000 residents, complexity 4 (factor 1.45);
//   satisfaction 0.93 → 93.00 × 20     familiarity 0.81 → 81.00 × 15
//   incidents 14: 14 ÷ 18,000 × 10,000 = 7.7778; 100 × (1 − 7.7778 ÷ 20) = 61.11;
//                 100 − 38.89 ÷ 1.45 = 73.18 × 15
//   prevention 0.70 → 70.00; 100 − 30.00 ÷ 1.45 = 79.31 × 15
//   clues 9: 9 ÷ 18,000 × 10,000 = 5.0000; 100 × 5.0000 ÷ 10 = 50.00; 100 − 50.00 ÷ 1.45 = 65.52 × 10
//   registration 0.96 → 96.00 × 15    keyPersonControl 1.00 → 100.00 × 10
//   score = (1860 + 1215 + 1097.7 + 1189.65 + 655.2 + 1440 + 1000) ÷ 100 = 84.5755 → 84.58
//   shares 18.60, 12.15, 10.977, 11.8965, 6.552, 14.40, 10.00 cut to 84.56; the 2 cents left
//   go to incidents (.7) and prevention (.65): 18.60 + 12.15 + 10.98 + 11.90 + 6.55 + 14.40 + 10.00 = 84.58
import { roundHalfUp } from './numbers.js';
import type { RegisterDerivation } from './register.js';
import {
  complexityAdjustedByDefault,
  metricKeys,
  type DerivedCounts,
  type MetricBreakdownEntry,
  type MetricKey,
  type MetricValues,
  type Office,
  type ScoredOffice,
} from './types.js';

// What scoring reads of a rule set. The core declares it; the rule-set schema must satisfy it.
interface MetricCommon {
  direction: 'higher' | 'lower';
  weight: number;
  /** Absent: as `complexityAdjustedByDefault` says. */
  complexityAdjusted?: boolean | undefined;
  /** Set: the figure is derived from the population register (src/core/registerRates.ts), never submitted. */
  derivation?: RegisterDerivation | undefined;
}

/** A rate is a fraction 0–1; a count is per quarter, with the target that earns full (or no) points. */
export type MetricConfig = (MetricCommon & { kind: 'rate' }) | (MetricCommon & { kind: 'count'; target: number });

export interface ScoringConfig {
  /** Counts are taken per this many residents. */
  perResidents: number;
  complexityStep: number;
  metrics: Partial<Record<MetricKey, MetricConfig>>;
}

export class InvalidFigureError extends Error {
  constructor(
    readonly office: string,
    readonly field: string,
    readonly expected: string,
    readonly value: unknown,
  ) {
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
  const metrics = Object.fromEntries(
    Object.entries(scoring.metrics).map(([key, m]) => [key, m?.kind === 'count' ? { ...m, target: (m.target * months) / 3 } : m]),
  );
  return { ...scoring, metrics };
}

/** A count per `perResidents` residents (complexity is weighed on the points, not here). */
export function perResidents(count: number, office: Pick<Office, 'population'>, scoring: ScoringConfig): number {
  return (count / office.population) * scoring.perResidents;
}

/** Whether a metric's points weigh the community's complexity: as the rule set says, else the default. */
function isComplexityAdjusted(key: MetricKey, metric: MetricConfig): boolean {
  return metric.complexityAdjusted ?? complexityAdjustedByDefault.has(key);
}

export function complexityFactor(office: Pick<Office, 'complexity'>, scoring: ScoringConfig): number {
  return roundHalfUp(1 + scoring.complexityStep * (office.complexity - 1), 4);
}

type Points = Pick<MetricBreakdownEntry, 'points' | 'perResidents' | 'basePoints' | 'complexityFactor'>;

function metricPoints(key: MetricKey, metric: MetricConfig, value: number, office: Office, scoring: ScoringConfig): Points {
  const higher = metric.direction === 'higher';
  const shown: Points = { points: 0 };
  let base: number;
  if (metric.kind === 'rate') {
    base = roundHalfUp(100 * (higher ? value : 1 - value));
  } else {
    const per = roundHalfUp(perResidents(value, office, scoring), 4);
    shown.perResidents = per;
    base = roundHalfUp(higher ? Math.min(100, (100 * per) / metric.target) : Math.max(0, 100 * (1 - per / metric.target)));
  }
  if (!isComplexityAdjusted(key, metric)) return { ...shown, points: base };
  const factor = complexityFactor(office, scoring);
  return { ...shown, basePoints: base, complexityFactor: factor, points: roundHalfUp(100 - (100 - base) / factor) };
}

/**
 * Splits a score among the metrics to the cent (largest remainder): each share is cut to the cent,
 * and the cents the score has left over go one each to the largest cut-off remainders.
 */
function contributions(shares: number[], score: number): number[] {
  // Cents, with the representation noise of the division removed before cutting.
  const exact = shares.map((s) => roundHalfUp(s * 100, 6));
  const cut = exact.map(Math.floor);
  let left = Math.round(score * 100) - cut.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, remainder: e - cut[i]! })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    cut[i]! += 1;
    left -= 1;
  }
  return cut.map((c) => c / 100);
}

export function scoreOffice(
  office: Office,
  metrics: MetricValues,
  scoring: ScoringConfig,
  derived: Partial<Record<MetricKey, DerivedCounts>> = {},
): ScoredOffice {
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
    const entry: MetricBreakdownEntry = { metric: key, value, ...metricPoints(key, config, value, office, scoring), weight: config.weight, contribution: 0 };
    if (derived[key]) entry.derived = derived[key];
    breakdown.push(entry);
    totalWeight += config.weight;
    weighted += entry.points * config.weight;
  }
  if (totalWeight <= 0) {
    throw new InvalidFigureError(office.id, 'metrics', 'expected a figure for at least one metric with a positive weight', Object.keys(metrics));
  }
  const score = roundHalfUp(weighted / totalWeight);
  const shares = contributions(
    breakdown.map((e) => (e.points * e.weight) / totalWeight),
    score,
  );
  breakdown.forEach((entry, i) => {
    entry.contribution = shares[i]!;
  });
  return { community: office.id, score, breakdown, missing };
}

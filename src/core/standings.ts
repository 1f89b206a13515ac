// Standings: a period's or a year's offices scored, ranked, and the facts each rule stage sees
// about each — everything a decision knows before the rules run. Rule documents name these facts
// and rules/facts.ts catalogues them, so a fact is added here and there together.
import { monthsIn, quarterEndingIn } from './calendar.js';
import { roundHalfUp } from './numbers.js';
import { rankCounts, rankFromBottom, rankOffices } from './ranking.js';
import { InvalidFigureError, perResidents, scoreOffice, scoreProblem, scoringForMonths, type ScoringConfig } from './scoring.js';
import type { Office, PeriodFigures, PeriodInput, PeriodOutcome, PreviousPeriod, RankedOffice, ScoredOffice, YearInput, YearRankedOffice } from './types.js';

// Type aliases rather than interfaces, so a facts object passes as Record<string, unknown>.
export type PeriodFacts = {
  score: number;
  rank: number;
  isLast: boolean;
  rankFromBottom: number;
  sharesRank: boolean;
  officeCount: number;
  quarter: number;
  previousPeriodLast: boolean;
  /** null when the previous quarter's score is unknown: every numeric operator is then false. */
  previousPeriodScore: number | null;
  consecutivePeriodsLast: number;
  teamSize: number;
  population: number;
  complexity: number;
  /** null when the quarter was given as a finished score. */
  perCapitaIncidents: number | null;
};

export type YearEndFacts = {
  yearRank: number;
  yearScore: number;
  sharesRank: boolean;
  officeCount: number;
  teamSize: number;
  quartersEvaluated: number;
};

export interface Standing<Ranked, Facts> {
  office: Office;
  ranked: Ranked;
  facts: Facts;
}

export interface PeriodStandings {
  ranking: RankedOffice[];
  standings: Standing<RankedOffice, PeriodFacts>[];
  /** Offices with no figures at all. */
  unranked: string[];
  /** For each last office, the periods in a row it has been last, counting this one. */
  consecutiveLast: Record<string, number>;
}

function scoreFigures(office: Office, figures: PeriodFigures, scoring: ScoringConfig): ScoredOffice {
  if ('score' in figures) {
    const problem = scoreProblem(figures.score);
    if (problem) throw new InvalidFigureError(office.id, 'score', problem, figures.score);
    return { community: office.id, score: figures.score, breakdown: [], missing: [] };
  }
  return scoreOffice(office, figures.metrics, scoring, figures.derived);
}

function periodFacts(
  input: PeriodInput,
  previousLast: ReadonlySet<string>,
  office: Office,
  ranked: RankedOffice,
  sharing: number,
  total: number,
  scoring: ScoringConfig,
): PeriodFacts {
  const previous = input.previous;
  const previousPeriodLast = previousLast.has(office.id);
  const figures = input.figures[office.id]!;
  const incidents = 'metrics' in figures ? figures.metrics.incidents : undefined;
  return {
    score: ranked.score,
    rank: ranked.rank,
    isLast: ranked.isLast,
    rankFromBottom: rankFromBottom(ranked.rank, sharing, total),
    sharesRank: sharing > 1,
    officeCount: total,
    quarter: quarterEndingIn(input.period),
    previousPeriodLast,
    previousPeriodScore: previous?.scores?.[office.id] ?? null,
    // Only the period before is known; its own streak travels in `previous.consecutiveLast`,
    // and without it a previous last place counts as a streak of one.
    consecutivePeriodsLast: ranked.isLast ? 1 + (previousPeriodLast ? (previous?.consecutiveLast?.[office.id] ?? 1) : 0) : 0,
    teamSize: office.officers.length,
    population: office.population,
    complexity: office.complexity,
    perCapitaIncidents: incidents === undefined ? null : roundHalfUp(perResidents(incidents, office, scoring), 4),
  };
}

/** Scores the offices with figures (count targets scaled to the period's months), ranks them, and states each one's facts. */
export function periodStandings(input: PeriodInput, quarterlyScoring: ScoringConfig): PeriodStandings {
  const { offices } = input;
  const scoring = scoringForMonths(quarterlyScoring, monthsIn(input.period.cadence));
  const byId = new Map(offices.map((o) => [o.id, o]));
  for (const id of Object.keys(input.figures)) {
    if (!byId.has(id)) throw new InvalidFigureError(id, 'office', 'expected figures only for offices listed in offices', id);
  }

  const scored: ScoredOffice[] = [];
  const unranked: string[] = [];
  for (const office of offices) {
    const figures = input.figures[office.id];
    if (figures) scored.push(scoreFigures(office, figures, scoring));
    else unranked.push(office.id);
  }
  const ranking = rankOffices(scored);
  const counts = rankCounts(ranking);

  const previousLast = new Set(input.previous?.last);
  const consecutiveLast: Record<string, number> = {};
  const standings = ranking.map((ranked) => {
    const office = byId.get(ranked.community)!;
    const facts = periodFacts(input, previousLast, office, ranked, counts.get(ranked.rank)!, ranking.length, scoring);
    if (ranked.isLast) consecutiveLast[office.id] = facts.consecutivePeriodsLast;
    return { office, ranked, facts };
  });
  return { ranking, standings, unranked, consecutiveLast };
}

/** What the next period's decision needs to know about this one. */
export function carryOver(outcome: PeriodOutcome): PreviousPeriod {
  return {
    last: outcome.ranking.filter((r) => r.isLast).map((r) => r.community),
    scores: Object.fromEntries(outcome.ranking.map((r) => [r.community, r.score])),
    consecutiveLast: { ...outcome.consecutiveLast },
  };
}

/**
 * The year score is the mean of the quarterly scores the office has (offices without any are not
 * ranked), rounded half up to the cent; the ranking is a competition ranking, as every period's.
 */
export function yearStandings(input: YearInput): { ranking: YearRankedOffice[]; standings: Standing<YearRankedOffice, YearEndFacts>[] } {
  const byId = new Map(input.offices.map((o) => [o.id, o]));
  const entries = input.offices.flatMap((office) => {
    const scores = input.quarterScores[office.id] ?? [];
    if (scores.length === 0) return [];
    scores.forEach((s, i) => {
      const problem = scoreProblem(s);
      if (problem) throw new InvalidFigureError(office.id, `quarterScores[${i}]`, problem, s);
    });
    const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    return [{ community: office.id, score: roundHalfUp(mean), quartersEvaluated: scores.length }];
  });
  const ranking = rankOffices(entries);
  const counts = rankCounts(ranking);
  const standings = ranking.map((ranked) => {
    const office = byId.get(ranked.community)!;
    const facts: YearEndFacts = {
      yearRank: ranked.rank,
      yearScore: ranked.score,
      sharesRank: counts.get(ranked.rank)! > 1,
      officeCount: ranking.length,
      teamSize: office.officers.length,
      quartersEvaluated: ranked.quartersEvaluated,
    };
    return { office, ranked, facts };
  });
  return { ranking, standings };
}

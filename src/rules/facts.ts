// The facts each rule stage sees: the contract between rule documents and the core. A rule that
// names any other fact is rejected when the rule set is parsed, long before a cycle runs.

export type QuarterlyFacts = {
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

// Type aliases rather than interfaces, so a facts object passes as Record<string, unknown>.
// Records rather than arrays, so the compiler proves every fact is documented.
export const quarterlyFactDocs: Record<keyof QuarterlyFacts, string> = {
  score: "this quarter's score, 0–100",
  rank: 'competition rank this quarter (1, 2, 2, 4)',
  isLast: 'holds the lowest rank this quarter (ties are all last)',
  rankFromBottom: '1 + number of offices with a strictly lower score; 1 for the last',
  sharesRank: 'another office has the same score',
  officeCount: 'number of ranked offices',
  quarter: 'quarter number 1–4',
  previousPeriodLast: 'was last in the quarter before (last year Q4 for Q1)',
  previousPeriodScore: "the quarter before's score, or null when unknown",
  consecutivePeriodsLast: 'quarters in a row last, counting this one; 0 when not last',
  teamSize: 'officers in the office',
  population: 'residents of the community',
  complexity: 'public-security complexity 1–5',
  perCapitaIncidents: 'incidents per 10,000 residents (unadjusted), or null without raw figures',
};

export const yearEndFactDocs: Record<keyof YearEndFacts, string> = {
  yearRank: 'competition rank of the year score',
  yearScore: "mean of the year's quarterly scores, 2 decimals",
  sharesRank: 'another office has the same year score',
  officeCount: 'number of ranked offices',
  teamSize: 'officers in the office',
  quartersEvaluated: 'quarters with a score this year',
};

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

/** What a rule may compare a fact with: its value type, and whether it can be null. */
export interface FactSpec {
  type: 'number' | 'boolean';
  nullable?: true;
  description: string;
  /** The fact as a phrase in Chinese and in English, for explanations. */
  zh: string;
  en: string;
  /** Scores read "79.5分", ranks "第3名". */
  unit?: 'points' | 'rank';
}

// Type aliases rather than interfaces, so a facts object passes as Record<string, unknown>.
// Records rather than arrays, so the compiler proves every fact is catalogued.
export const quarterlyFactCatalogue: Record<keyof QuarterlyFacts, FactSpec> = {
  score: { type: 'number', description: "this quarter's score, 0–100", zh: '本季度得分', en: "this quarter's score", unit: 'points' },
  rank: { type: 'number', description: 'competition rank this quarter (1, 2, 2, 4)', zh: '本季度排名', en: "this quarter's rank", unit: 'rank' },
  isLast: { type: 'boolean', description: 'holds the lowest rank this quarter (ties are all last)', zh: '本季度排名末位', en: 'last this quarter' },
  rankFromBottom: { type: 'number', description: '1 + number of offices with a strictly lower score; 1 for the last', zh: '本季度倒数名次', en: 'rank from the bottom this quarter', unit: 'rank' },
  sharesRank: { type: 'boolean', description: 'another office has the same score', zh: '与其他警务室并列', en: 'sharing its rank with another office' },
  officeCount: { type: 'number', description: 'number of ranked offices', zh: '参评警务室数', en: 'the number of ranked offices' },
  quarter: { type: 'number', description: 'quarter number 1–4', zh: '季度', en: 'the quarter' },
  previousPeriodLast: { type: 'boolean', description: 'was last in the quarter before (last year Q4 for Q1)', zh: '上季度排名末位', en: 'last in the quarter before' },
  previousPeriodScore: { type: 'number', nullable: true, description: "the quarter before's score, or null when unknown", zh: '上季度得分', en: 'the score of the quarter before', unit: 'points' },
  consecutivePeriodsLast: { type: 'number', description: 'quarters in a row last, counting this one; 0 when not last', zh: '连续末位季度数', en: 'quarters in a row last' },
  teamSize: { type: 'number', description: 'officers in the office', zh: '警务室民警人数', en: 'the team size' },
  population: { type: 'number', description: 'residents of the community', zh: '小区人口', en: 'the population' },
  complexity: { type: 'number', description: 'public-security complexity 1–5', zh: '治安复杂程度', en: 'the complexity' },
  perCapitaIncidents: { type: 'number', nullable: true, description: 'incidents per 10,000 residents (unadjusted), or null without raw figures', zh: '每万人发案数', en: 'incidents per 10,000 residents' },
};

export const yearEndFactCatalogue: Record<keyof YearEndFacts, FactSpec> = {
  yearRank: { type: 'number', description: 'competition rank of the year score', zh: '年度排名', en: 'the year rank', unit: 'rank' },
  yearScore: { type: 'number', description: "mean of the year's quarterly scores, 2 decimals", zh: '年度得分', en: 'the year score', unit: 'points' },
  sharesRank: { type: 'boolean', description: 'another office has the same year score', zh: '与其他警务室并列', en: 'sharing its rank with another office' },
  officeCount: { type: 'number', description: 'number of ranked offices', zh: '参评警务室数', en: 'the number of ranked offices' },
  teamSize: { type: 'number', description: 'officers in the office', zh: '警务室民警人数', en: 'the team size' },
  quartersEvaluated: { type: 'number', description: 'quarters with a score this year', zh: '参评季度数', en: 'quarters evaluated' },
};

export type FactCatalogue = Readonly<Record<string, FactSpec>>;

// The catalogue of the facts each rule stage sees (core/standings.ts states them): the contract
// between rule documents and the core. A rule that names any other fact is rejected when the
// rule set is parsed, long before a cycle runs.
import { cadences, type Cadence } from '../core/cadences.js';
import type { PeriodFacts, YearEndFacts } from '../core/standings.js';

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

// Records rather than arrays, so the compiler proves every fact is catalogued.
// Phrases say {this}, {previous}, {unit} and {units} where the period is named, so one catalogue
// speaks of quarters, months or half-years as the evaluation being explained.
export const periodFactCatalogue: Record<keyof PeriodFacts, FactSpec> = {
  score: { type: 'number', description: "{this}'s score, 0–100", zh: '{this}得分', en: "{this}'s score", unit: 'points' },
  rank: { type: 'number', description: 'competition rank {this} (1, 2, 2, 4)', zh: '{this}排名', en: "{this}'s rank", unit: 'rank' },
  isLast: { type: 'boolean', description: 'holds the lowest rank {this} (ties are all last)', zh: '{this}排名末位', en: 'last {this}' },
  rankFromBottom: {
    type: 'number',
    description: '1 + number of offices with a strictly lower score; 1 for the last',
    zh: '{this}倒数名次',
    en: 'rank from the bottom {this}',
    unit: 'rank',
  },
  sharesRank: { type: 'boolean', description: 'another office has the same score', zh: '与其他警务室并列', en: 'sharing its rank with another office' },
  officeCount: { type: 'number', description: 'number of ranked offices', zh: '参评警务室数', en: 'the number of ranked offices' },
  quarter: { type: 'number', description: 'number 1–4 of the quarter the period ends in', zh: '季度', en: 'the quarter' },
  previousPeriodLast: {
    type: 'boolean',
    description: "was last in {previous} (last year's final {unit} for the first)",
    zh: '{previous}排名末位',
    en: 'last in {previous}',
  },
  previousPeriodScore: {
    type: 'number',
    nullable: true,
    description: "{previous}'s score, or null when unknown",
    zh: '{previous}得分',
    en: 'the score of {previous}',
    unit: 'points',
  },
  consecutivePeriodsLast: {
    type: 'number',
    description: '{units} in a row last, counting this one; 0 when not last',
    zh: '连续末位{unit}数',
    en: '{units} in a row last',
  },
  teamSize: { type: 'number', description: 'officers in the office', zh: '警务室民警人数', en: 'the team size' },
  population: { type: 'number', description: 'residents of the community', zh: '小区人口', en: 'the population' },
  complexity: { type: 'number', description: 'public-security complexity 1–5', zh: '治安复杂程度', en: 'the complexity' },
  perCapitaIncidents: {
    type: 'number',
    nullable: true,
    description: 'incidents per 10,000 residents (unadjusted), or null without raw figures',
    zh: '每万人发案数',
    en: 'incidents per 10,000 residents',
  },
};

interface Words {
  this: string;
  previous: string;
  unit: string;
  units: string;
}

/** How each evaluation names its period: 本季度 / this quarter. */
export const periodWords: Record<Cadence, { zh: Words; en: Words }> = {
  quarterly: {
    zh: { this: '本季度', previous: '上季度', unit: '季度', units: '季度' },
    en: { this: 'this quarter', previous: 'the quarter before', unit: 'quarter', units: 'quarters' },
  },
  monthly: {
    zh: { this: '本月', previous: '上月', unit: '月', units: '月' },
    en: { this: 'this month', previous: 'the month before', unit: 'month', units: 'months' },
  },
  'half-year': {
    zh: { this: '本半年度', previous: '上一半年度', unit: '半年度', units: '半年度' },
    en: { this: 'this half-year', previous: 'the half-year before', unit: 'half-year', units: 'half-years' },
  },
};

function inWords(phrase: string, words: Words): string {
  return phrase.replace(/\{(this|previous|unit|units)\}/g, (_, key: keyof Words) => words[key]);
}

function phrasedFor(cadence: Cadence): Record<keyof PeriodFacts, FactSpec> {
  const { zh, en } = periodWords[cadence];
  const entries = Object.entries(periodFactCatalogue).map(([fact, spec]) => [
    fact,
    { ...spec, description: inWords(spec.description, en), zh: inWords(spec.zh, zh), en: inWords(spec.en, en) },
  ]);
  return Object.fromEntries(entries) as Record<keyof PeriodFacts, FactSpec>;
}

// Phrased once: every clause of every explanation looks its fact up here.
const phrased = Object.fromEntries(cadences.map((c) => [c, phrasedFor(c)])) as Record<Cadence, Record<keyof PeriodFacts, FactSpec>>;

/** The catalogue as one cadence's rule authors read it. */
export function periodFactsOf(cadence: Cadence): Readonly<Record<keyof PeriodFacts, FactSpec>> {
  return phrased[cadence];
}

export const yearEndFactCatalogue: Record<keyof YearEndFacts, FactSpec> = {
  yearRank: { type: 'number', description: 'competition rank of the year score', zh: '年度排名', en: 'the year rank', unit: 'rank' },
  yearScore: { type: 'number', description: "mean of the year's quarterly scores, 2 decimals", zh: '年度得分', en: 'the year score', unit: 'points' },
  sharesRank: { type: 'boolean', description: 'another office has the same year score', zh: '与其他警务室并列', en: 'sharing its rank with another office' },
  officeCount: { type: 'number', description: 'number of ranked offices', zh: '参评警务室数', en: 'the number of ranked offices' },
  teamSize: { type: 'number', description: 'officers in the office', zh: '警务室民警人数', en: 'the team size' },
  quartersEvaluated: { type: 'number', description: 'quarters with a score this year', zh: '参评季度数', en: 'quarters evaluated' },
};

export type FactCatalogue = Readonly<Record<string, FactSpec>>;

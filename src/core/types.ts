// The pure core's vocabulary. Everything here is plain data, safe to pass through Temporal.

import type { PeriodRef } from './calendar.js';
import type { Honour, NoticeKind, RecipientType, SanctionKind } from './vocabulary.js';

export type { Honour, NoticeKind, SanctionKind };

export const metricKeys = ['satisfaction', 'familiarity', 'incidents', 'prevention', 'clues', 'registration', 'keyPersonControl'] as const;
export type MetricKey = (typeof metricKeys)[number];
export type MetricValues = Partial<Record<MetricKey, number>>;
/**
 * The rates the report asks to judge with the community's public-security complexity weighed
 * (发案率, 防范率, 线索提供率): what a rule set means when its metric says nothing either way.
 */
export const complexityAdjustedByDefault: ReadonlySet<MetricKey> = new Set(['incidents', 'prevention', 'clues']);

/** A community police office: the evaluated unit. A team of two shares its result. */
export interface Office {
  id: string;
  name: string;
  population: number;
  /** 1 (calm) to 5 (most complex). */
  complexity: number;
  officers: string[];
  leader?: string;
  department?: string;
}

export interface MetricBreakdownEntry {
  metric: MetricKey;
  /** The raw figure as submitted. */
  value: number;
  /** Count metrics only: the count per 10,000 residents (the rule set's perResidents), 4 decimals. */
  perResidents?: number;
  /** Complexity-adjusted metrics only: the points before complexity, and the factor that forgives part of their shortfall. */
  basePoints?: number;
  complexityFactor?: number;
  /** 0–100 before weighting. */
  points: number;
  weight: number;
  /** points × weight / total weight, to the cent by largest remainder: the contributions add up to the score. */
  contribution: number;
  /** A figure derived from the population register: the counts it came from (src/core/registerRates.ts). */
  derived?: DerivedCounts;
}

/** What a derived figure came from: numerator ÷ denominator, and the counts behind them. */
export interface DerivedCounts {
  numerator: number;
  denominator: number;
  counts: Record<string, number>;
}

export interface ScoredOffice {
  community: string;
  score: number;
  breakdown: MetricBreakdownEntry[];
  /**
   * Configured metrics that had no figure. They are left out of the score and the weights of
   * the others are renormalised, so a late figure neither sinks nor lifts an office.
   */
  missing: MetricKey[];
}

export interface RankedOffice extends ScoredOffice {
  rank: number;
  isLast: boolean;
}

export interface Recipient {
  type: RecipientType;
  id: string;
}

export interface SanctionDecision {
  type: 'sanction';
  kind: SanctionKind;
  community: string;
  officers: string[];
  rule: string;
  because: string;
  /** The facts the rule saw, for the explanation. */
  facts: Record<string, unknown>;
  /** The rule's leaf conditions as the engine evaluated them, for the explanation. */
  conditions?: ConditionOutcome[];
}

export interface SubsidyDecision {
  type: 'subsidy';
  officer: string;
  community: string;
  amount: number;
  obligation: string;
  rule: string;
  because: string;
  facts: Record<string, unknown>;
}

export interface RewardDecision {
  type: 'reward';
  community: string;
  officers: string[];
  rank: number;
  amount: number;
  honours: Honour[];
  obligation: string;
  rule: string;
  because: string;
  facts: Record<string, unknown>;
  conditions?: ConditionOutcome[];
}

export type Decision = SanctionDecision | SubsidyDecision | RewardDecision;

export interface NoticeDraft {
  kind: NoticeKind;
  about: string;
  recipients: Recipient[];
  /** The decision rule behind the notice, when there is one. */
  rule?: string;
  facts: Record<string, unknown>;
}

export interface Obligation {
  id: string;
  kind: 'subsidy' | 'reward';
  payees: string[];
  community: string;
  amount: number;
  /** YYYY-MM-DD */
  due: string;
}

/** What one office submitted for a period: a finished score, or raw figures to be scored. */
export type PeriodFigures = { score: number } | { metrics: MetricValues; derived?: Partial<Record<MetricKey, DerivedCounts>> };

/** What the rules need to know about the period before (the year before's last, for a first period). */
export interface PreviousPeriod {
  /** Offices that were last. */
  last: string[];
  scores?: Record<string, number>;
  /** Periods in a row each last office had been last, counting that period. */
  consecutiveLast?: Record<string, number>;
}

export interface PeriodInput {
  period: PeriodRef;
  offices: Office[];
  figures: Record<string, PeriodFigures>;
  previous?: PreviousPeriod;
}

export interface QuarterInput extends Omit<PeriodInput, 'period'> {
  year: number;
  quarter: number;
}

export interface PeriodOutcome {
  period: string;
  ranking: RankedOffice[];
  decisions: Decision[];
  notices: NoticeDraft[];
  obligations: Obligation[];
  /** Offices with no figures at all: not ranked, no subsidy, no sanction. */
  unranked: string[];
  /** For each last office, the periods in a row it has been last, counting this one. */
  consecutiveLast: Record<string, number>;
}

export interface YearInput {
  year: number;
  offices: Office[];
  quarterScores: Record<string, number[]>;
}

export interface YearRankedOffice {
  community: string;
  score: number;
  rank: number;
  isLast: boolean;
  quartersEvaluated: number;
}

export interface YearOutcome {
  ranking: YearRankedOffice[];
  rewards: RewardDecision[];
  obligations: Obligation[];
}

export interface Visit {
  leader: string;
  date: string;
}

export interface PresenceJudgement {
  leader: string;
  /** YYYY-MM */
  month: string;
  /** Distinct days with a visit in that month. */
  days: number;
  compliant: boolean;
}

export interface Payment {
  obligation: string;
  amount: number;
  paidOn: string;
}

export interface OverdueObligation {
  obligation: string;
  due: string;
  amount: number;
  paid: number;
  community: string;
  payees: string[];
}

/** One leaf condition of a fired rule as the engine evaluated it: the raw material of `because`. */
export interface ConditionOutcome {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  factResult: unknown;
  /** Set when `value` itself referred to a fact. */
  valueResult?: unknown;
  result: boolean;
}

export interface FiredRule {
  name: string;
  priority: number;
  type: string;
  params: Record<string, unknown>;
  /** Evaluated leaf conditions in document order; short-circuited ones are absent. */
  conditions: ConditionOutcome[];
}

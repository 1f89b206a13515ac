// The pure core's vocabulary. Everything here is plain data, safe to pass through Temporal.

export const metricKeys = [
  'satisfaction', 'familiarity', 'incidents', 'prevention', 'clues', 'registration', 'keyPersonControl',
] as const;
export type MetricKey = (typeof metricKeys)[number];
export type MetricValues = Partial<Record<MetricKey, number>>;

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
  /** Count metrics only: per 10,000 residents, then divided by the complexity factor. */
  adjusted?: number;
  /** 0–100 before weighting. */
  points: number;
  weight: number;
  /** points × weight / total weight: the metric's share of the score. */
  contribution: number;
}

export interface ScoredOffice {
  community: string;
  score: number;
  breakdown: MetricBreakdownEntry[];
  /** Metrics that had no figure and therefore scored 0. */
  missing: MetricKey[];
}

export interface RankedOffice extends ScoredOffice {
  rank: number;
  isLast: boolean;
}

export type SanctionKind = 'circulated-criticism' | 'admonishment-talk' | 'rural-reassignment';
export type Honour = 'deputy-section-level-recommendation' | 'reserve-talent-pool';
export type NoticeKind = 'joint-notice' | 'presence-reminder' | 'presence-violation' | 'payment-overdue' | 'metrics-missing';

export interface Recipient { type: 'officer' | 'leader' | 'department' | 'bureau' | 'finance'; id: string }

export interface SanctionDecision {
  type: 'sanction';
  kind: SanctionKind;
  community: string;
  officers: string[];
  rule: string;
  because: string;
  /** The facts the rule saw, for the explanation. */
  facts: Record<string, unknown>;
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

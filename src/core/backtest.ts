// Back-testing compares what was decided with what a candidate rule set would have decided,
// period by period: the same shape serves stored cycles (the API) and scenario files (simulate).
import { roundHalfUp } from './numbers.js';
import type { Decision, RewardDecision } from './types.js';

/** One period's outcome reduced to what a back-test compares. Money in yuan. */
export interface DecidedPeriod {
  period: string;
  /** community → rank; absent when unranked. */
  ranks: Record<string, number>;
  /** community → score (the year's mean score for a year); absent when unranked. */
  scores: Record<string, number>;
  /** officer → subsidy. */
  subsidies: Record<string, number>;
  /** officer → community the subsidy was for. */
  officeOf: Record<string, string>;
  /** community → sanction kinds, sorted. */
  sanctions: Record<string, string[]>;
  /** community → reward. */
  rewards: Record<string, number>;
}

export interface Change<T> {
  actual: T;
  candidate: T;
}

export interface OfficeChange {
  community: string;
  score?: Change<number | null>;
  rank?: Change<number | null>;
  sanctions?: Change<string[]> & { added: string[]; removed: string[] };
  reward?: Change<number> & { change: number };
}

export interface OfficerChange {
  officer: string;
  community: string;
  subsidy: Change<number> & { change: number };
}

export interface PeriodComparison {
  period: string;
  offices: OfficeChange[];
  officers: OfficerChange[];
}

export interface Totals {
  actual: number;
  candidate: number;
  change: number;
}

export interface BacktestReport {
  periods: PeriodComparison[];
  totals: { subsidy: Totals; rewards: Totals; money: Totals; sanctions: Totals; officesChanged: number; officersChanged: number };
}

/** A period's outcome, from the core or from a simulate report (which has the same fields). */
export interface PeriodResult {
  period: string;
  ranking: readonly { community: string; rank: number; score: number }[];
  decisions: readonly Decision[];
}

export function decidedPeriod(outcome: PeriodResult): DecidedPeriod {
  const period = emptyPeriod(outcome.period);
  for (const r of outcome.ranking) {
    period.ranks[r.community] = r.rank;
    period.scores[r.community] = r.score;
  }
  for (const d of outcome.decisions) {
    if (d.type === 'subsidy') {
      period.subsidies[d.officer] = d.amount;
      period.officeOf[d.officer] = d.community;
    } else if (d.type === 'sanction') {
      (period.sanctions[d.community] ??= []).push(d.kind);
    }
  }
  for (const kinds of Object.values(period.sanctions)) kinds.sort();
  return period;
}

export function decidedYear(
  year: number,
  ranking: readonly { community: string; rank: number; score: number }[],
  rewards: readonly RewardDecision[],
): DecidedPeriod {
  const period = emptyPeriod(String(year));
  for (const r of ranking) {
    period.ranks[r.community] = r.rank;
    period.scores[r.community] = r.score;
  }
  for (const r of rewards) period.rewards[r.community] = r.amount;
  return period;
}

export function emptyPeriod(period: string): DecidedPeriod {
  return { period, ranks: {}, scores: {}, subsidies: {}, officeOf: {}, sanctions: {}, rewards: {} };
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((s, v) => s + v, 0);
const countSanctions = (p: DecidedPeriod) => Object.values(p.sanctions).reduce((s, kinds) => s + kinds.length, 0);
const totals = (actual: number, candidate: number): Totals => ({
  actual: roundHalfUp(actual),
  candidate: roundHalfUp(candidate),
  change: roundHalfUp(candidate - actual),
});

function comparePeriod(actual: DecidedPeriod, candidate: DecidedPeriod): PeriodComparison {
  const offices: OfficeChange[] = [];
  const communities = [
    ...new Set([
      ...Object.keys(actual.ranks),
      ...Object.keys(candidate.ranks),
      ...Object.keys(actual.sanctions),
      ...Object.keys(candidate.sanctions),
      ...Object.keys(actual.rewards),
      ...Object.keys(candidate.rewards),
    ]),
  ].sort();
  for (const community of communities) {
    const change: OfficeChange = { community };
    // A weight change moves scores without always moving ranks: the bureau wants to see both.
    const score = { actual: actual.scores[community] ?? null, candidate: candidate.scores[community] ?? null };
    if (score.actual !== score.candidate) change.score = score;
    const rank = { actual: actual.ranks[community] ?? null, candidate: candidate.ranks[community] ?? null };
    if (rank.actual !== rank.candidate) change.rank = rank;
    const was = actual.sanctions[community] ?? [];
    const now = candidate.sanctions[community] ?? [];
    if (was.join() !== now.join()) {
      change.sanctions = { actual: was, candidate: now, added: now.filter((k) => !was.includes(k)), removed: was.filter((k) => !now.includes(k)) };
    }
    const reward = { actual: actual.rewards[community] ?? 0, candidate: candidate.rewards[community] ?? 0 };
    if (reward.actual !== reward.candidate) change.reward = { ...reward, change: roundHalfUp(reward.candidate - reward.actual) };
    if (Object.keys(change).length > 1) offices.push(change);
  }
  const officers: OfficerChange[] = [];
  for (const officer of [...new Set([...Object.keys(actual.subsidies), ...Object.keys(candidate.subsidies)])].sort()) {
    const subsidy = { actual: actual.subsidies[officer] ?? 0, candidate: candidate.subsidies[officer] ?? 0 };
    if (subsidy.actual === subsidy.candidate) continue;
    officers.push({
      officer,
      community: candidate.officeOf[officer] ?? actual.officeOf[officer]!,
      subsidy: { ...subsidy, change: roundHalfUp(subsidy.candidate - subsidy.actual) },
    });
  }
  return { period: actual.period, offices, officers };
}

/** Pairs periods by name; a period only one side decided is compared with an empty one. */
export function compareDecided(actual: readonly DecidedPeriod[], candidate: readonly DecidedPeriod[]): BacktestReport {
  const names = [...new Set([...actual, ...candidate].map((p) => p.period))].sort();
  const find = (list: readonly DecidedPeriod[], name: string) => list.find((p) => p.period === name) ?? emptyPeriod(name);
  const periods = names.map((name) => comparePeriod(find(actual, name), find(candidate, name)));
  const total = (f: (p: DecidedPeriod) => number) =>
    totals(
      actual.reduce((s, p) => s + f(p), 0),
      candidate.reduce((s, p) => s + f(p), 0),
    );
  const subsidy = total((p) => sum(p.subsidies));
  const rewards = total((p) => sum(p.rewards));
  return {
    periods,
    totals: {
      subsidy,
      rewards,
      money: totals(subsidy.actual + rewards.actual, subsidy.candidate + rewards.candidate),
      sanctions: total(countSanctions),
      officesChanged: new Set(periods.flatMap((p) => p.offices.map((o) => o.community))).size,
      officersChanged: new Set(periods.flatMap((p) => p.officers.map((o) => o.officer))).size,
    },
  };
}

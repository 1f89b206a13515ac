// A thin driver: feeds a scenario through the same functions (src/deciding, src/core) the Temporal
// activities call, quarter after quarter, and shapes the report of SCENARIO.md.
import { findOverdue, overdueNotices } from '../core/payments.js';
import { previousQuarter, quarterEnd, type QuarterRef } from '../core/calendar.js';
import { deriveRate, derivedCounts, derivedMetrics } from '../core/registerRates.js';
import { judgePresence, presenceNotices } from '../core/presence.js';
import { carryOver } from '../core/standings.js';
import type { DerivedCounts, MetricBreakdownEntry, MetricKey, MetricValues, Office, PreviousPeriod, PeriodFigures, PeriodOutcome } from '../core/types.js';
import { decideQuarter } from '../deciding/period.js';
import { decideYear } from '../deciding/year.js';
import { explainCoreDecision } from '../rules/explanation.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Scenario } from './scenario.js';
import { decideAppeals, type AppealReport } from './appeals.js';

export const defaultAsOf = (year: number) => `${year + 1}-01-31`;

function toOffices(scenario: Scenario): Office[] {
  return scenario.communities.map((c) => ({
    id: c.id,
    name: c.name ?? c.id,
    population: c.population,
    complexity: c.complexity,
    officers: c.officers,
    ...(c.leader ? { leader: c.leader } : {}),
    ...(c.department ? { department: c.department } : {}),
  }));
}

/** The quarter before `ref` as recorded in `history`, with streaks counted back through it. */
function fromHistory(history: Scenario['history'], ref: QuarterRef): PreviousPeriod | undefined {
  const find = (r: QuarterRef) => history.find((h) => h.year === r.year && h.quarter === r.quarter);
  const entry = find(ref);
  if (!entry) return undefined;
  const consecutiveLast: Record<string, number> = {};
  for (const community of entry.last) {
    let streak = 1;
    for (let r = previousQuarter(ref), h = find(r); h?.last.includes(community); r = previousQuarter(r), h = find(r)) streak++;
    consecutiveLast[community] = streak;
  }
  return { last: entry.last, ...(entry.scores ? { scores: entry.scores } : {}), consecutiveLast };
}

/** The quarter's figures: those given, and those the rule set derives from each register snapshot at the quarter's end, with their counts. */
function figuresOf(q: Scenario['quarters'][number], year: number, ruleSet: RuleSet): Record<string, PeriodFigures> {
  const figures: Record<string, PeriodFigures> = {};
  for (const [community, score] of Object.entries(q.scores ?? {})) figures[community] = { score };
  for (const [community, metrics] of Object.entries(q.metrics ?? {})) figures[community] = { metrics };
  const date = quarterEnd(year, q.quarter);
  for (const [community, snapshot] of Object.entries(q.register ?? {})) {
    const office = { metrics: {}, ...figures[community] } as { metrics: MetricValues; derived?: Partial<Record<MetricKey, DerivedCounts>> };
    for (const { metric, derivation } of derivedMetrics(ruleSet.scoring)) {
      const d = deriveRate(derivation, snapshot, date, ruleSet.register.talkIntervalDays);
      if (d.value === null) continue;
      office.metrics = { ...office.metrics, [metric]: d.value };
      office.derived = { ...office.derived, [metric]: derivedCounts(d) };
    }
    figures[community] = office;
  }
  return figures;
}

function breakdownObject(breakdown: MetricBreakdownEntry[]): Record<string, Omit<MetricBreakdownEntry, 'metric'>> {
  return Object.fromEntries(breakdown.map(({ metric, ...rest }) => [metric, rest]));
}

function quarterReport(quarter: number, outcome: PeriodOutcome) {
  return {
    quarter,
    period: outcome.period,
    ranking: outcome.ranking.map((r) => ({
      community: r.community,
      score: r.score,
      rank: r.rank,
      isLast: r.isLast,
      breakdown: breakdownObject(r.breakdown),
      missing: r.missing,
    })),
    decisions: outcome.decisions.map((d) => ({ ...d, explanation: explainCoreDecision(d) })),
    notices: outcome.notices,
    unranked: outcome.unranked,
  };
}

export async function simulateScenario(scenario: Scenario, ruleSet: RuleSet, asOf = defaultAsOf(scenario.year)) {
  const { year } = scenario;
  const offices = toOffices(scenario);
  const outcomes: { quarter: number; outcome: PeriodOutcome }[] = [];
  const appeals: AppealReport[] = [];
  for (const q of [...scenario.quarters].sort((a, b) => a.quarter - b.quarter)) {
    const before = outcomes.at(-1);
    const previous =
      before?.quarter === q.quarter - 1 ? carryOver(before.outcome) : fromHistory(scenario.history, previousQuarter({ year, quarter: q.quarter }));
    const input = {
      period: { cadence: 'quarterly' as const, year, index: q.quarter },
      offices,
      figures: figuresOf(q, year, ruleSet),
      ...(previous ? { previous } : {}),
    };
    const decided = await decideQuarter({ year, quarter: q.quarter, offices, figures: input.figures, ...(previous ? { previous } : {}) }, ruleSet);
    // Appeals are decided before the next quarter, so it carries over what stands after them.
    const { outcome, reports } = await decideAppeals(scenario, q.quarter, input, ruleSet, decided);
    appeals.push(...reports);
    outcomes.push({ quarter: q.quarter, outcome });
  }

  const quarterScores: Record<string, number[]> = {};
  for (const { outcome } of outcomes) {
    for (const r of outcome.ranking) (quarterScores[r.community] ??= []).push(r.score);
  }
  const yearOutcome = await decideYear({ year, offices, quarterScores }, ruleSet);

  const minDays = ruleSet.parameters.presenceDaysPerMonth;
  const presence = judgePresence(
    year,
    scenario.leaders.map((l) => l.id),
    scenario.leaderVisits,
    minDays,
  );
  const obligations = [...outcomes.flatMap(({ outcome }) => outcome.obligations), ...yearOutcome.obligations];
  const overdue = findOverdue(obligations, scenario.payments, asOf);

  return {
    rules: ruleSet.name,
    quarters: outcomes.map(({ quarter, outcome }) => quarterReport(quarter, outcome)),
    year: { year, ranking: yearOutcome.ranking, rewards: yearOutcome.rewards.map((d) => ({ ...d, explanation: explainCoreDecision(d) })) },
    presence,
    payments: { asOf, overdue },
    notices: [...presenceNotices(presence, minDays), ...overdueNotices(overdue, asOf)],
    ...(scenario.appeals.length ? { appeals } : {}),
  };
}

import { createRuleRunner } from '../rules/engine.js';
import { describeConditions } from '../rules/explain.js';
import type { PeriodFacts } from '../rules/facts.js';
import { periodRules, type PeriodRule, type RuleSet, type ScoringConfig } from '../rules/ruleSet.js';
import { cycleKindDescriptors } from './cadences.js';
import { roundHalfUp } from './numbers.js';
import { formatPeriod, monthsIn, quarterEndingIn } from './periods.js';
import { rankCounts, rankFromBottom, rankOffices } from './ranking.js';
import { InvalidFigureError, perResidents, scoreOffice, scoreProblem, scoringForMonths } from './scoring.js';
import { splitSubsidy } from './subsidy.js';
import type {
  NoticeDraft, Office, PreviousPeriod, PeriodFigures, PeriodInput, QuarterInput, PeriodOutcome, RankedOffice, SanctionDecision, ScoredOffice,
} from './types.js';

/** The rule set evaluates no periods of this cadence (monthly and half-year ones are off by default). */
export class CadenceNotDefinedError extends Error {
  constructor(readonly period: string, readonly stage: string) {
    super(`the rule set defines no "rules.${stage}", so ${period} is not evaluated`);
    this.name = 'CadenceNotDefinedError';
  }
}

function scoreFigures(office: Office, figures: PeriodFigures, scoring: ScoringConfig): ScoredOffice {
  if ('score' in figures) {
    const problem = scoreProblem(figures.score);
    if (problem) throw new InvalidFigureError(office.id, 'score', problem, figures.score);
    return { community: office.id, score: figures.score, breakdown: [], missing: [] };
  }
  return scoreOffice(office, figures.metrics, scoring);
}

export function periodFacts(
  input: PeriodInput, previousLast: ReadonlySet<string>, office: Office, ranked: RankedOffice, sharing: number, total: number, scoring: ScoringConfig,
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
    consecutivePeriodsLast: ranked.isLast ? 1 + (previousPeriodLast ? previous?.consecutiveLast?.[office.id] ?? 1 : 0) : 0,
    teamSize: office.officers.length,
    population: office.population,
    complexity: office.complexity,
    perCapitaIncidents: incidents === undefined ? null : roundHalfUp(perResidents(incidents, office, scoring), 4),
  };
}

function jointNotice(office: Office, rule: string, facts: PeriodFacts): NoticeDraft {
  return {
    kind: 'joint-notice',
    about: office.id,
    recipients: [
      ...office.officers.map((id) => ({ type: 'officer' as const, id })),
      ...(office.leader ? [{ type: 'leader' as const, id: office.leader }] : []),
      ...(office.department ? [{ type: 'department' as const, id: office.department }] : []),
    ],
    rule,
    facts: { ...facts },
  };
}

/** A quarter, as simulate and the benchmarks name it. */
export function decideQuarter({ year, quarter, ...rest }: QuarterInput, ruleSet: RuleSet): Promise<PeriodOutcome> {
  return decidePeriod({ ...rest, period: { cadence: 'quarterly', year, index: quarter } }, ruleSet);
}

/**
 * Scores, ranks and runs the cadence's rules over one period. Only a quarter pays the work
 * subsidy (the report settles it quarterly); a month or half-year decides sanctions and notices.
 */
export async function decidePeriod(input: PeriodInput, ruleSet: RuleSet): Promise<PeriodOutcome> {
  const { offices } = input;
  const period = formatPeriod(input.period);
  const rules = periodRules(ruleSet, input.period.cadence);
  if (!rules) throw new CadenceNotDefinedError(period, cycleKindDescriptors[input.period.cadence].ruleStage);
  const scoring = scoringForMonths(ruleSet.scoring, monthsIn(input.period.cadence));
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

  const runner = createRuleRunner(rules);
  const previousLast = new Set(input.previous?.last);
  const sanctions: SanctionDecision[] = [];
  const notices: NoticeDraft[] = [];
  const consecutiveLast: Record<string, number> = {};
  for (const ranked of ranking) {
    const office = byId.get(ranked.community)!;
    const facts = periodFacts(input, previousLast, office, ranked, counts.get(ranked.rank)!, ranking.length, scoring);
    if (ranked.isLast) consecutiveLast[office.id] = facts.consecutivePeriodsLast;
    const fired = await runner.run(facts);
    if (fired.length === 0) continue;

    const place = ranked.isLast ? `last of ${ranking.length} offices` : `rank ${ranked.rank} of ${ranking.length} offices`;
    // A kind decided by an earlier (higher-priority) rule is not decided again by a later one.
    const kindsDone = new Set<string>();
    for (const rule of fired) {
      const params = rule.params as PeriodRule['event']['params'];
      const because = `${place} in ${period} with ${ranked.score} points (${describeConditions(rule.conditions)})`;
      for (const kind of params.kinds) {
        if (kindsDone.has(kind)) continue;
        kindsDone.add(kind);
        sanctions.push({
          type: 'sanction', kind, community: office.id, officers: [...office.officers], rule: rule.name, because, facts: { ...facts }, conditions: rule.conditions,
        });
      }
      if (params.jointNotice && !notices.some((n) => n.about === office.id)) notices.push(jointNotice(office, rule.name, facts));
    }
  }

  const subsidy = input.period.cadence === 'quarterly'
    ? splitSubsidy(input.period.year, input.period.index, ranking, byId, ruleSet.parameters)
    : { decisions: [], obligations: [] };
  return {
    period, ranking, decisions: [...sanctions, ...subsidy.decisions], notices, obligations: subsidy.obligations, unranked, consecutiveLast,
  };
}

/** What the next period's decision needs to know about this one. */
export function carryOver(outcome: PeriodOutcome): PreviousPeriod {
  return {
    last: outcome.ranking.filter((r) => r.isLast).map((r) => r.community),
    scores: Object.fromEntries(outcome.ranking.map((r) => [r.community, r.score])),
    consecutiveLast: { ...outcome.consecutiveLast },
  };
}

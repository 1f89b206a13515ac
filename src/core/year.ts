import { createRuleRunner } from '../rules/engine.js';
import { describeConditions } from '../rules/explain.js';
import type { YearEndFacts } from '../rules/facts.js';
import type { RuleSet, YearEndRule } from '../rules/ruleSet.js';
import { roundHalfUp } from './numbers.js';
import { addDays } from './calendar.js';
import { rankCounts, rankOffices } from './ranking.js';
import { InvalidFigureError, scoreProblem } from './scoring.js';
import type { Obligation, RewardDecision, YearInput, YearOutcome } from './types.js';

export function rewardObligationId(year: number, community: string): string {
  return `${year}/reward/${community}`;
}

/**
 * Year-end ranking and rewards. The year score is the mean of the quarterly scores the office
 * has (offices without any are not ranked). Shared ranks: every office holding a rank receives
 * that rank's full reward — two offices tied first both get 1000 yuan and the recommendation,
 * and the next office is third (competition ranking), so no office is skipped or halved.
 * When several reward rules fire for one office, the first (highest priority, then document
 * order) decides: one office, one reward obligation.
 */
export async function decideYear(input: YearInput, ruleSet: RuleSet): Promise<YearOutcome> {
  const { year, offices } = input;
  const byId = new Map(offices.map((o) => [o.id, o]));
  const entries = offices.flatMap((office) => {
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

  const runner = createRuleRunner(ruleSet.rules.yearEnd);
  const due = addDays(`${year}-12-31`, ruleSet.parameters.rewardDueDays);
  const rewards: RewardDecision[] = [];
  const obligations: Obligation[] = [];
  for (const ranked of ranking) {
    const office = byId.get(ranked.community)!;
    const facts: YearEndFacts = {
      yearRank: ranked.rank,
      yearScore: ranked.score,
      sharesRank: counts.get(ranked.rank)! > 1,
      officeCount: ranking.length,
      teamSize: office.officers.length,
      quartersEvaluated: ranked.quartersEvaluated,
    };
    const [rule] = await runner.run(facts);
    if (!rule) continue;
    const params = rule.params as YearEndRule['event']['params'];
    const obligation = rewardObligationId(year, office.id);
    rewards.push({
      type: 'reward', community: office.id, officers: [...office.officers], rank: ranked.rank,
      amount: params.amount, honours: [...params.honours], obligation, rule: rule.name,
      because: `rank ${ranked.rank} of ${ranking.length} offices in ${year} with a year score of ${ranked.score}, the mean of ${ranked.quartersEvaluated} quarterly scores (${describeConditions(rule.conditions)})`,
      facts: { ...facts },
      conditions: rule.conditions,
    });
    // An honour without money owes nothing, so it is not tracked as a payment.
    if (params.amount > 0) obligations.push({ id: obligation, kind: 'reward', payees: [...office.officers], community: office.id, amount: params.amount, due });
  }
  return { ranking, rewards, obligations };
}

// Deciding a year: the core's year standings go through the year-end rules, and what fires
// becomes rewards and their payment obligations.
import { addDays } from '../core/calendar.js';
import { yearStandings } from '../core/standings.js';
import type { Obligation, RewardDecision, YearInput, YearOutcome } from '../core/types.js';
import { createRuleRunner } from '../rules/engine.js';
import { describeConditions } from '../rules/explain.js';
import type { RuleSet, YearEndRule } from '../rules/ruleSet.js';

export function rewardObligationId(year: number, community: string): string {
  return `${year}/reward/${community}`;
}

/**
 * Year-end ranking and rewards. Shared ranks: every office holding a rank receives that rank's
 * full reward — two offices tied first both get 1000 yuan and the recommendation, and the next
 * office is third (competition ranking), so no office is skipped or halved.
 * When several reward rules fire for one office, the first (highest priority, then document
 * order) decides: one office, one reward obligation.
 */
export async function decideYear(input: YearInput, ruleSet: RuleSet): Promise<YearOutcome> {
  const { year } = input;
  const { ranking, standings } = yearStandings(input);

  const runner = createRuleRunner(ruleSet.rules.yearEnd);
  const due = addDays(`${year}-12-31`, ruleSet.parameters.rewardDueDays);
  const rewards: RewardDecision[] = [];
  const obligations: Obligation[] = [];
  for (const { office, ranked, facts } of standings) {
    const [rule] = await runner.run(facts);
    if (!rule) continue;
    const params = rule.params as YearEndRule['event']['params'];
    const obligation = rewardObligationId(year, office.id);
    rewards.push({
      type: 'reward',
      community: office.id,
      officers: [...office.officers],
      rank: ranked.rank,
      amount: params.amount,
      honours: [...params.honours],
      obligation,
      rule: rule.name,
      because: `rank ${ranked.rank} of ${ranking.length} offices in ${year} with a year score of ${ranked.score}, the mean of ${ranked.quartersEvaluated} quarterly scores (${describeConditions(rule.conditions)})`,
      facts: { ...facts },
      conditions: rule.conditions,
    });
    // An honour without money owes nothing, so it is not tracked as a payment.
    if (params.amount > 0) obligations.push({ id: obligation, kind: 'reward', payees: [...office.officers], community: office.id, amount: params.amount, due });
  }
  return { ranking, rewards, obligations };
}

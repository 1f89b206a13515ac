// The monthly work subsidy (工作补助), settled per quarter: a pool of
//   subsidyPerOfficerPerMonth × officers × 3
// split among the officers in proportion to their office's score, so the mean stays at the
// report's 500 yuan. Each amount is rounded to the fen on its own (half up): the amounts then sum
// to the pool within one fen per officer, and two officers of one team always get the same.
import { roundHalfUp } from './numbers.js';
import { addDays, quarterEnd, quarterPeriod } from './calendar.js';
import type { Obligation, Office, SubsidyDecision } from './types.js';

export const subsidyRule = 'subsidy-pool-split';

/** What the split reads of a rule set's parameters; the rule-set schema must satisfy it. */
export interface SubsidyConfig {
  subsidyPerOfficerPerMonth: number;
  /** Days after the quarter's end the subsidy falls due. */
  subsidyDueDays: number;
}

export function subsidyObligationId(year: number, quarter: number, officer: string): string {
  return `${quarterPeriod(year, quarter)}/subsidy/${officer}`;
}

export function splitSubsidy(
  year: number,
  quarter: number,
  ranked: readonly { community: string; score: number }[],
  officesById: ReadonlyMap<string, Office>,
  parameters: SubsidyConfig,
): { decisions: SubsidyDecision[]; obligations: Obligation[] } {
  const shares = ranked.flatMap(({ community, score }) => (officesById.get(community)?.officers ?? []).map((officer) => ({ officer, community, score })));
  const perMonth = parameters.subsidyPerOfficerPerMonth;
  const pool = perMonth * shares.length * 3;
  const totalPoints = roundHalfUp(
    shares.reduce((sum, s) => sum + s.score, 0),
    4,
  );
  const due = addDays(quarterEnd(year, quarter), parameters.subsidyDueDays);
  const period = quarterPeriod(year, quarter);

  const decisions: SubsidyDecision[] = [];
  const obligations: Obligation[] = [];
  for (const { officer, community, score } of shares) {
    // Proportion to zero is undefined; when every office scored 0 the pool is shared equally.
    const amount = roundHalfUp(totalPoints > 0 ? (pool * score) / totalPoints : pool / shares.length);
    const id = subsidyObligationId(year, quarter, officer);
    decisions.push({
      type: 'subsidy',
      officer,
      community,
      amount,
      obligation: id,
      rule: subsidyRule,
      because: `${period} pool of ${pool} yuan (${perMonth} × ${shares.length} officers × 3 months) × ${score} points ÷ ${totalPoints} points summed over all officers`,
      facts: { pool, officerCount: shares.length, score, totalPoints },
    });
    obligations.push({ id, kind: 'subsidy', payees: [officer], community, amount, due });
  }
  return { decisions, obligations };
}

// Deciding a period: the core's standings go through the cadence's rules, and what fires
// becomes sanctions and joint notices; a quarter also pays the work subsidy.
import { cycleKindDescriptors } from '../core/cadences.js';
import { formatPeriod } from '../core/calendar.js';
import { periodStandings, type PeriodFacts } from '../core/standings.js';
import { splitSubsidy } from '../core/subsidy.js';
import type { NoticeDraft, Office, PeriodInput, PeriodOutcome, QuarterInput, SanctionDecision } from '../core/types.js';
import { createRuleRunner } from '../rules/engine.js';
import { describeConditions } from '../rules/explain.js';
import { CadenceNotDefinedError, periodRules, type PeriodRule, type RuleSet } from '../rules/ruleSet.js';

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
  const period = formatPeriod(input.period);
  const rules = periodRules(ruleSet, input.period.cadence);
  if (!rules) throw new CadenceNotDefinedError(period, cycleKindDescriptors[input.period.cadence].ruleStage);
  const { ranking, standings, unranked, consecutiveLast } = periodStandings(input, ruleSet.scoring);

  const runner = createRuleRunner(rules);
  const sanctions: SanctionDecision[] = [];
  const notices: NoticeDraft[] = [];
  for (const { office, ranked, facts } of standings) {
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
          type: 'sanction',
          kind,
          community: office.id,
          officers: [...office.officers],
          rule: rule.name,
          because,
          facts: { ...facts },
          conditions: rule.conditions,
        });
      }
      if (params.jointNotice && !notices.some((n) => n.about === office.id)) notices.push(jointNotice(office, rule.name, facts));
    }
  }

  const subsidy =
    input.period.cadence === 'quarterly'
      ? splitSubsidy(input.period.year, input.period.index, ranking, new Map(input.offices.map((o) => [o.id, o])), ruleSet.parameters)
      : { decisions: [], obligations: [] };
  return {
    period,
    ranking,
    decisions: [...sanctions, ...subsidy.decisions],
    notices,
    obligations: subsidy.obligations,
    unranked,
    consecutiveLast,
  };
}

// One sentence in Chinese and one in English saying why a decision was made, built from the
// condition results the engine reported and the facts it saw — never from the rule's name, so a
// renamed or re-authored rule still explains itself truthfully.
import type { ConditionOutcome, Decision } from '../core/types.js';
import type { Cadence } from '../core/cadences.js';
import { honourLabels, labelOf, sanctionLabels } from '../core/vocabulary.js';
import { periodFactsOf, periodWords, yearEndFactCatalogue, type FactSpec } from './facts.js';

export interface ExplainedDecision {
  type: string;
  kind: string;
  facts: Record<string, unknown>;
  conditions: readonly ConditionOutcome[];
  amount: number | null;
  honours?: readonly string[];
  rule?: string;
  /** The evaluation a period decision came from, which names its period; quarterly when absent. */
  cadence?: Cadence;
}

export interface Explanation {
  zh: string;
  en: string;
}

const comparisonZh: Record<string, string> = {
  lessThan: '低于',
  lessThanInclusive: '不高于',
  greaterThan: '高于',
  greaterThanInclusive: '不低于',
  notEqual: '不等于',
  equal: '等于',
};
const comparisonEn: Record<string, string> = {
  lessThan: 'below',
  lessThanInclusive: 'at most',
  greaterThan: 'above',
  greaterThanInclusive: 'at least',
  notEqual: 'not',
  equal: 'exactly',
};
const numbersZh = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

function specOf(fact: string, cadence: Cadence): FactSpec | undefined {
  return (periodFactsOf(cadence) as Record<string, FactSpec>)[fact] ?? (yearEndFactCatalogue as Record<string, FactSpec>)[fact];
}

/** The bureau writes "得分79.5，低于80分": the unit goes on the threshold, not on the score. */
function valueZh(value: unknown, spec: FactSpec | undefined, threshold = false): string {
  if (spec?.unit === 'points') return threshold ? `${String(value)}分` : String(value);
  if (spec?.unit === 'rank') return `第${String(value)}名`;
  return String(value);
}

function valueEn(value: unknown, spec: FactSpec | undefined): string {
  return spec?.unit === 'rank' ? `no. ${String(value)}` : String(value);
}

function operatorOf(c: ConditionOutcome): { negated: boolean; base: string } {
  return c.operator.startsWith('not:') ? { negated: true, base: c.operator.slice(4) } : { negated: false, base: c.operator };
}

function clause(c: ConditionOutcome, cadence: Cadence): Explanation {
  const spec = specOf(c.fact, cadence);
  const zhName = spec?.zh ?? c.fact;
  const enName = spec?.en ?? c.fact;
  const { negated, base } = operatorOf(c);
  const against = 'valueResult' in c ? c.valueResult : c.value;
  if (spec?.type === 'boolean' && base === 'equal' && typeof against === 'boolean') {
    const holds = against !== negated;
    return holds ? { zh: zhName, en: enName } : { zh: `并非${zhName}`, en: `not ${enName}` };
  }
  const not = negated ? { zh: '并非', en: 'not ' } : { zh: '', en: '' };
  if (base === 'equal') return { zh: `${not.zh}${zhName}${valueZh(c.factResult, spec)}`, en: `${enName} ${not.en}${valueEn(c.factResult, spec)}` };
  const list = Array.isArray(against) ? against.map((v) => valueZh(v, spec, true)).join('、') : valueZh(against, spec, true);
  const listEn = Array.isArray(against) ? against.map((v) => valueEn(v, spec)).join(', ') : valueEn(against, spec);
  if (base === 'in' || base === 'notIn') {
    const inside = (base === 'in') !== negated;
    return {
      zh: `${zhName}${valueZh(c.factResult, spec)}，${inside ? '属于' : '不属于'}${list}`,
      en: `${enName} ${valueEn(c.factResult, spec)} is ${inside ? '' : 'not '}one of ${listEn}`,
    };
  }
  return {
    zh: `${zhName}${valueZh(c.factResult, spec)}，${not.zh}${comparisonZh[base] ?? base}${list}`,
    en: `${enName} ${valueEn(c.factResult, spec)} is ${not.en}${comparisonEn[base] ?? base} ${listEn}`,
  };
}

/** "Last this quarter" and "last the quarter before" read as one streak, as the bureau says it. */
function clauses(conditions: readonly ConditionOutcome[], facts: Record<string, unknown>, cadence: Cadence): Explanation[] {
  const held = conditions.filter((c) => c.result);
  const isTrue = (fact: string) => held.some((c) => c.fact === fact && c.operator === 'equal' && c.value === true);
  if (!isTrue('isLast') || !isTrue('previousPeriodLast')) return held.map((c) => clause(c, cadence));
  const streak = typeof facts.consecutivePeriodsLast === 'number' && facts.consecutivePeriodsLast >= 2 ? facts.consecutivePeriodsLast : 2;
  const words = periodWords[cadence];
  const merged = { zh: `连续${numbersZh[streak] ?? streak}个${words.zh.unit}排名末位`, en: `last for ${streak} ${words.en.units} in a row` };
  return [merged, ...held.filter((c) => c.fact !== 'isLast' && c.fact !== 'previousPeriodLast').map((c) => clause(c, cadence))];
}

function consequence(d: ExplainedDecision): Explanation {
  if (d.type === 'sanction') return labelOf(sanctionLabels, d.kind);
  const honours = d.honours ?? [];
  const money = { zh: `奖励${d.amount ?? 0}元`, en: `a reward of ${d.amount ?? 0} yuan` };
  return {
    zh: [money.zh, ...honours.map((h) => labelOf(honourLabels, h).zh)].join('，'),
    en: [money.en, ...honours.map((h) => labelOf(honourLabels, h).en)].join(' and '),
  };
}

function subsidy(d: ExplainedDecision): Explanation {
  const { pool, officerCount, score, totalPoints } = d.facts as { pool: number; officerCount: number; score: number; totalPoints: number };
  return {
    zh: `本季度补助总额${pool}元（${officerCount}名民警，每人每月${pool / officerCount / 3}元），按本警务室得分${score}分占全部民警得分合计${totalPoints}分的比例分配：补助${d.amount}元`,
    en: `The quarter's pool of ${pool} yuan (${officerCount} officers at ${pool / officerCount / 3} yuan a month) split in proportion to the office's ${score} points out of ${totalPoints} points summed over all officers: a subsidy of ${d.amount} yuan.`,
  };
}

export function explainDecision(d: ExplainedDecision): Explanation {
  if (d.type === 'subsidy') return subsidy(d);
  const then = consequence(d);
  const because = clauses(d.conditions, d.facts, d.cadence ?? 'quarterly');
  // Decisions stored before condition results were recorded name only their rule.
  if (because.length === 0) return { zh: `依据规则“${d.rule ?? d.kind}”：${then.zh}`, en: `Under the rule "${d.rule ?? d.kind}": ${then.en}.` };
  const en = because.map((c) => c.en).join(', and ');
  return {
    zh: `${because.map((c) => c.zh).join('，且')}：${then.zh}`,
    en: `${en.charAt(0).toUpperCase()}${en.slice(1)}: ${then.en}.`,
  };
}

/**
 * Decision rows keep the condition results beside the facts, under a key no fact can have (fact
 * names are identifiers from the catalogue), so one JSON column carries both.
 */
const conditionsKey = 'conditionResults';

export function recordedFacts(d: { facts: Record<string, unknown>; conditions?: readonly ConditionOutcome[] }): Record<string, unknown> {
  return d.conditions ? { ...d.facts, [conditionsKey]: d.conditions } : { ...d.facts };
}

export function splitRecordedFacts(stored: unknown): { facts: Record<string, unknown>; conditions: ConditionOutcome[] } {
  const { [conditionsKey]: conditions, ...facts } = (stored ?? {}) as Record<string, unknown>;
  return { facts, conditions: Array.isArray(conditions) ? (conditions as ConditionOutcome[]) : [] };
}

/** The explanation of a decision straight from the core, before it is stored. */
export function explainCoreDecision(d: Decision): Explanation {
  return explainDecision({
    type: d.type,
    kind: d.type === 'sanction' ? d.kind : d.type,
    facts: d.facts,
    conditions: d.type === 'subsidy' ? [] : (d.conditions ?? []),
    amount: d.type === 'sanction' ? null : d.amount,
    honours: d.type === 'reward' ? d.honours : [],
  });
}

import { Engine, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import type { ConditionOutcome, FiredRule } from '../core/types.js';
import { factsUsed } from './conditions.js';

/** A rule needed a fact the caller did not give. Permanent: retrying cannot produce the fact. */
export class MissingFactError extends Error {
  constructor(
    readonly fact: string,
    readonly rule?: string,
  ) {
    super(rule ? `rule "${rule}" needs the fact "${fact}", which was not given` : `the fact "${fact}" was not given`);
    this.name = 'MissingFactError';
  }
}

export interface RuleDocument {
  name: string;
  priority?: number;
  conditions: TopLevelCondition;
  event: { type: string; params?: Record<string, unknown> };
}

export interface RuleRunner {
  /** The rules that fired for these facts, highest priority first, then in document order. */
  run(facts: Record<string, unknown>): Promise<FiredRule[]>;
}

type ConditionNode = Partial<ConditionOutcome> & { all?: ConditionNode[]; any?: ConditionNode[]; not?: ConditionNode };

function collectLeaves(node: ConditionNode, into: ConditionOutcome[]): ConditionOutcome[] {
  const children = node.all ?? node.any ?? (node.not ? [node.not] : undefined);
  if (children) {
    for (const child of children) collectLeaves(child, into);
  } else if (node.fact !== undefined && node.result !== undefined) {
    const leaf: ConditionOutcome = { fact: node.fact, operator: node.operator!, value: node.value, factResult: node.factResult, result: node.result };
    if (node.path) leaf.path = node.path;
    if (node.value !== null && typeof node.value === 'object' && 'fact' in node.value) leaf.valueResult = node.valueResult;
    into.push(leaf);
  }
  return into;
}

/**
 * One Engine for all calls: building an Engine per office would dominate a national run. Calls
 * are queued because an Engine keeps its run status on itself, and a run that finishes while
 * another is between priority sets makes the other silently skip its remaining rules.
 */
export function createRuleRunner(rules: readonly RuleDocument[]): RuleRunner {
  const engine = new Engine(
    rules.map((rule) => ({ ...rule })),
    { allowUndefinedFacts: false },
  );
  const order = new Map(rules.map((rule, index) => [rule.name, index]));
  // Checked before every run, so a missing fact is reported even when the engine would have
  // short-circuited past the condition that reads it.
  const needed: [fact: string, rule: string][] = [];
  for (const rule of rules) {
    for (const fact of factsUsed(rule.conditions)) if (!needed.some(([f]) => f === fact)) needed.push([fact, rule.name]);
  }

  const toFired = (result: RuleResult): FiredRule => ({
    name: result.name,
    priority: result.priority ?? 1,
    type: result.event!.type,
    params: result.event!.params ?? {},
    conditions: collectLeaves(result.conditions as ConditionNode, []),
  });
  const byPriorityThenOrder = (a: FiredRule, b: FiredRule) => b.priority - a.priority || order.get(a.name)! - order.get(b.name)!;

  async function evaluate(facts: Record<string, unknown>): Promise<FiredRule[]> {
    const given: Record<string, unknown> = {};
    for (const [fact, rule] of needed) {
      const value = facts[fact];
      if (value === undefined) throw new MissingFactError(fact, rule);
      given[fact] = value;
    }
    try {
      const { results } = await engine.run(given);
      return results.map(toFired).sort(byPriorityThenOrder);
    } catch (err) {
      // The check above covers every fact in the conditions; this catches any the engine reads otherwise.
      if ((err as { code?: string }).code === 'UNDEFINED_FACT') {
        throw new MissingFactError((err as Error).message.replace(/^Undefined fact: /, ''));
      }
      throw err;
    }
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(facts) {
      const next = queue.then(() => evaluate(facts));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

// Checks json-rules-engine condition trees before an Engine ever sees them. The engine itself only
// notices a misspelt fact or operator when a cycle runs, and then for every office at once.

export const operators = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;
const decorators = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'];

export interface ConditionProblem { path: (string | number)[]; message: string }

type Json = Record<string, unknown>;
const booleanKeys = ['all', 'any', 'not'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOperator(operator: unknown): boolean {
  if (typeof operator !== 'string') return false;
  const parts = operator.split(':');
  const base = parts.pop()!;
  return (operators as readonly string[]).includes(base) && parts.every((d) => decorators.includes(d));
}

function factProblem(fact: unknown, facts: readonly string[], path: (string | number)[]): ConditionProblem | undefined {
  if (typeof fact === 'string' && facts.includes(fact)) return undefined;
  return { path, message: `expected one of the facts ${facts.join(', ')}; got ${JSON.stringify(fact)}` };
}

function leafProblem(node: Json, facts: readonly string[], path: (string | number)[]): ConditionProblem | undefined {
  const fact = factProblem(node.fact, facts, [...path, 'fact']);
  if (fact) return fact;
  if (!isOperator(node.operator)) {
    return { path: [...path, 'operator'], message: `expected an operator (${operators.join(', ')}, optionally prefixed by decorators such as "not:"); got ${JSON.stringify(node.operator)}` };
  }
  if (node.path !== undefined && typeof node.path !== 'string') return { path: [...path, 'path'], message: 'expected a JSONPath string' };
  if (!('value' in node) || node.value === undefined) return { path: [...path, 'value'], message: 'missing; expected the value to compare with' };
  if (isObject(node.value) && 'fact' in node.value) return factProblem(node.value.fact, facts, [...path, 'value', 'fact']);
  return undefined;
}

function nodeProblem(node: unknown, facts: readonly string[], path: (string | number)[], root: boolean): ConditionProblem | undefined {
  if (!isObject(node)) return { path, message: `${node === undefined ? 'missing; ' : ''}expected a condition object` };
  const kinds = [...booleanKeys.filter((k) => k in node), ...('fact' in node ? ['fact'] : []), ...('condition' in node ? ['condition'] : [])];
  if (kinds.length !== 1) {
    return { path, message: `expected exactly one of "all", "any", "not"${root ? '' : ' or a fact condition'}; got ${kinds.length ? kinds.join(' and ') : 'none'}` };
  }
  const kind = kinds[0]!;
  if (kind === 'condition') return { path: [...path, 'condition'], message: 'expected an inline condition; shared condition references are not supported' };
  if (kind === 'fact') return root ? { path, message: 'expected "all", "any" or "not" at the top of conditions' } : leafProblem(node, facts, path);
  if (kind === 'not') return nodeProblem(node.not, facts, [...path, 'not'], false);
  const list = node[kind];
  if (!Array.isArray(list) || list.length === 0) return { path: [...path, kind], message: 'expected a non-empty array of conditions' };
  for (let i = 0; i < list.length; i++) {
    const problem = nodeProblem(list[i], facts, [...path, kind, i], false);
    if (problem) return problem;
  }
  return undefined;
}

/** The first problem in a rule's `conditions`, with its path relative to `conditions`. */
export function conditionProblem(conditions: unknown, facts: readonly string[]): ConditionProblem | undefined {
  return nodeProblem(conditions, facts, [], true);
}

/** Every fact name a condition tree reads, including facts used as comparison values. */
export function factsUsed(node: unknown, into = new Set<string>()): Set<string> {
  if (!isObject(node)) return into;
  for (const key of booleanKeys) {
    const child = node[key];
    if (Array.isArray(child)) child.forEach((c) => factsUsed(c, into));
    else if (child !== undefined) factsUsed(child, into);
  }
  if (typeof node.fact === 'string') into.add(node.fact);
  if (isObject(node.value) && typeof node.value.fact === 'string') into.add(node.value.fact);
  return into;
}

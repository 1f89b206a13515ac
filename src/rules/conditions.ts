// Checks json-rules-engine condition trees before an Engine ever sees them. The engine itself only
// notices a misspelt fact or operator when a cycle runs, and then for every office at once.

import type { FactCatalogue, FactSpec } from './facts.js';
import { internalNameProblem } from './limits.js';

export const operators = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;
type Operator = (typeof operators)[number];
// Every catalogued fact is a scalar, so the list decorators (someFact, everyValue, …) and the list
// operators could only ever fail at run time; `not:` is the one decorator that means something.
const decorators = ['not'];
const ordering: readonly string[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const membership: readonly string[] = ['in', 'notIn'];
const listOnly: readonly string[] = ['contains', 'doesNotContain'];
const leafKeys = ['fact', 'operator', 'value', 'path', 'params', 'name', 'priority'];
/**
 * json-rules-engine hands `path` to JSONPath-plus, which evaluates filters and scripts; only a
 * plain dotted path ($.a.b) is accepted so that author input never reaches that evaluator.
 */
const plainPath = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/;

export interface ConditionProblem {
  path: (string | number)[];
  message: string;
}

type Json = Record<string, unknown>;
type Path = (string | number)[];
const booleanKeys = ['all', 'any', 'not'] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function baseOperator(operator: unknown): Operator | undefined {
  if (typeof operator !== 'string') return undefined;
  const parts = operator.split(':');
  const base = parts.pop()!;
  return (operators as readonly string[]).includes(base) && parts.every((d) => decorators.includes(d)) ? (base as Operator) : undefined;
}

function typeName(spec: FactSpec): string {
  return spec.nullable ? `${spec.type} or null` : spec.type;
}

function fits(value: unknown, spec: FactSpec): boolean {
  return typeof value === spec.type || (value === null && spec.nullable === true);
}

class Checker {
  readonly problems: ConditionProblem[] = [];
  constructor(private readonly facts: FactCatalogue) {}

  private add(path: Path, message: string) {
    this.problems.push({ path, message });
  }

  private fact(name: unknown, path: Path): FactSpec | undefined {
    const internal = typeof name === 'string' ? internalNameProblem(name) : undefined;
    if (internal) {
      this.add(path, internal);
      return undefined;
    }
    if (typeof name === 'string' && Object.hasOwn(this.facts, name)) return this.facts[name];
    this.add(path, `expected one of the facts ${Object.keys(this.facts).join(', ')}; got ${JSON.stringify(name)}`);
    return undefined;
  }

  private value(spec: FactSpec, fact: string, operator: Operator, value: unknown, path: Path) {
    if (isObject(value) && 'fact' in value) {
      const other = this.fact(value.fact, [...path, 'fact']);
      if (other && other.type !== spec.type)
        this.add([...path, 'fact'], `expected a ${spec.type} fact to compare with ${fact}; ${String(value.fact)} is a ${other.type}`);
      return;
    }
    if (ordering.includes(operator)) {
      if (spec.type !== 'number') this.add(path, `${operator} compares numbers; ${fact} is a ${spec.type}`);
      else if (typeof value !== 'number') this.add(path, `expected a number to compare ${fact} with, got ${JSON.stringify(value)}`);
    } else if (membership.includes(operator)) {
      if (!Array.isArray(value) || value.length === 0) this.add(path, `expected a non-empty array of ${typeName(spec)} values for ${operator}`);
      else
        value.forEach((v, i) => {
          if (!fits(v, spec)) this.add([...path, i], `expected ${typeName(spec)} (the type of ${fact}), got ${JSON.stringify(v)}`);
        });
    } else if (!fits(value, spec)) {
      this.add(path, `expected ${typeName(spec)} (the type of ${fact}), got ${JSON.stringify(value)}`);
    }
  }

  private leaf(node: Json, path: Path): void {
    for (const key of Object.keys(node))
      if (!leafKeys.includes(key)) this.add([...path, key], `unknown key in a fact condition; expected ${leafKeys.join(', ')}`);
    const spec = this.fact(node.fact, [...path, 'fact']);
    const operator = baseOperator(node.operator);
    if (!operator) {
      this.add([...path, 'operator'], `expected an operator (${operators.join(', ')}, optionally prefixed by "not:"); got ${JSON.stringify(node.operator)}`);
    } else if (listOnly.includes(operator)) {
      this.add([...path, 'operator'], `${operator} needs a list fact; every catalogued fact is a single value`);
    }
    if (node.path !== undefined && (typeof node.path !== 'string' || !plainPath.test(node.path))) {
      this.add([...path, 'path'], `expected a plain dotted path such as "$.a.b"; got ${JSON.stringify(node.path)}`);
    }
    if (node.params !== undefined) this.add([...path, 'params'], 'fact params are not supported: catalogued facts take none');
    if (!('value' in node) || node.value === undefined) this.add([...path, 'value'], 'missing; expected the value to compare with');
    else if (spec && operator && !listOnly.includes(operator)) this.value(spec, String(node.fact), operator, node.value, [...path, 'value']);
  }

  node(node: unknown, path: Path, root: boolean): void {
    if (!isObject(node)) return this.add(path, `${node === undefined ? 'missing; ' : ''}expected a condition object`);
    const kinds = [...booleanKeys.filter((k) => k in node), ...('fact' in node ? ['fact'] : []), ...('condition' in node ? ['condition'] : [])];
    if (kinds.length !== 1) {
      return this.add(
        path,
        `expected exactly one of "all", "any", "not"${root ? '' : ' or a fact condition'}; got ${kinds.length ? kinds.join(' and ') : 'none'}`,
      );
    }
    const kind = kinds[0]!;
    if (kind === 'condition') return this.add([...path, 'condition'], 'expected an inline condition; shared condition references are not supported');
    if (kind === 'fact') return root ? this.add(path, 'expected "all", "any" or "not" at the top of conditions') : this.leaf(node, path);
    for (const key of Object.keys(node)) if (key !== kind && key !== 'name' && key !== 'priority') this.add([...path, key], `unknown key beside "${kind}"`);
    if (kind === 'not') return this.node(node.not, [...path, 'not'], false);
    const list = node[kind];
    if (!Array.isArray(list) || list.length === 0) return this.add([...path, kind], 'expected a non-empty array of conditions');
    list.forEach((child, i) => this.node(child, [...path, kind, i], false));
  }
}

/** Every problem in a rule's `conditions`, each with its path relative to `conditions`. */
export function conditionProblems(conditions: unknown, facts: FactCatalogue): ConditionProblem[] {
  const checker = new Checker(facts);
  checker.node(conditions, [], true);
  return checker.problems;
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

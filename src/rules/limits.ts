// Bounds on a rule-set document checked before anything recursive touches it: a 1,000-deep
// nesting or a million nodes must cost a bounded walk, not a stack overflow in a validator.
import type { ConditionProblem } from './conditions.js';

export const documentLimits = {
  /** Serialised size; the default rule set is about 4 KB. */
  maxBytes: 256 * 1024,
  maxDepth: 32,
  maxNodes: 20_000,
  maxStringLength: 2_000,
  /** Enough to show a clerk the pattern without an answer the size of the attack. */
  maxProblems: 100,
} as const;

/** Keys that reach Object.prototype through naive merges, wherever they occur. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

type Path = (string | number)[];

/** Problems with the document's shape as JSON, each at its path; empty when it is within bounds. */
export function limitProblems(json: unknown): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(json) ?? '', 'utf8');
  if (bytes > documentLimits.maxBytes) problems.push({ path: [], message: `the document is ${bytes} bytes; at most ${documentLimits.maxBytes} are accepted` });
  let nodes = 0;
  const stack: { value: unknown; path: Path }[] = [{ value: json, path: [] }];
  while (stack.length > 0 && problems.length < documentLimits.maxProblems) {
    const { value, path } = stack.pop()!;
    if (++nodes > documentLimits.maxNodes) {
      problems.push({ path: [], message: `the document has more than ${documentLimits.maxNodes} values` });
      break;
    }
    if (typeof value === 'string' && value.length > documentLimits.maxStringLength) {
      problems.push({ path, message: `expected at most ${documentLimits.maxStringLength} characters, got ${value.length}` });
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= documentLimits.maxDepth) {
      problems.push({ path, message: `nested deeper than ${documentLimits.maxDepth} levels` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries.reverse()) {
      if (typeof key === 'string' && forbiddenKeys.has(key)) problems.push({ path: [...path, key], message: `the key "${key}" is not allowed` });
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  return problems;
}

// Bounds on a rule-set document checked before anything recursive touches it: a 100,000-deep
// nesting or a million nodes must cost a bounded walk, not a stack overflow in a validator.
// Everything here loops over an explicit stack; even the size is summed value by value, because
// JSON.stringify itself recurses and overflows on a deep enough document.
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

/**
 * Names that reach an object's internals (Object.prototype's own properties, `prototype` of a
 * constructor): never keys in a document, never names of rules or facts that end up as keys.
 */
export const objectInternals: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function internalNameProblem(name: string): string | undefined {
  return objectInternals.has(name) ? `"${name}" is the name of an object internal and is not allowed` : undefined;
}

type Path = (string | number)[];

/** The bytes a scalar takes in JSON; strings through JSON.stringify, which does not recurse on them. */
function scalarBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/** Problems with the document's shape as JSON, each at its path; empty when it is within bounds. */
export function limitProblems(json: unknown): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  let nodes = 0;
  let bytes = 0;
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
    if (typeof value !== 'object' || value === null) {
      bytes += scalarBytes(value);
      continue;
    }
    if (path.length >= documentLimits.maxDepth) {
      problems.push({ path, message: `nested deeper than ${documentLimits.maxDepth} levels` });
      continue;
    }
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    // Brackets and commas; an object's keys with their quotes and colons.
    bytes += 2 + Math.max(0, entries.length - 1);
    for (const [key, child] of entries.reverse()) {
      if (typeof key === 'string') bytes += scalarBytes(key) + 1;
      if (typeof key === 'string' && objectInternals.has(key)) problems.push({ path: [...path, key], message: `the key "${key}" is not allowed` });
      else stack.push({ value: child, path: [...path, key] });
    }
  }
  if (bytes > documentLimits.maxBytes) problems.unshift({ path: [], message: `the document is more than ${documentLimits.maxBytes} bytes (${bytes} counted)` });
  return problems;
}

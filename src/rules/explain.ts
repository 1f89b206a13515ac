import type { ConditionOutcome } from '../core/types.js';

const symbols: Record<string, string> = {
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
};

function show(value: unknown): string {
  return typeof value === 'string' || Array.isArray(value) || (typeof value === 'object' && value !== null) ? JSON.stringify(value) : String(value);
}

/** The conditions that held, in words a clerk can check: "score 74.3 < 80, isLast is true". */
export function describeConditions(conditions: readonly ConditionOutcome[]): string {
  return conditions
    .filter((c) => c.result)
    .map((c) => {
      const against = show('valueResult' in c ? c.valueResult : c.value);
      if (c.operator === 'equal') return `${c.fact} is ${against}`;
      return `${c.fact} ${show(c.factResult)} ${symbols[c.operator] ?? c.operator} ${against}`;
    })
    .join(', ');
}

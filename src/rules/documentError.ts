import type { z } from 'zod';

/**
 * A JSON document (rule set, scenario) that cannot be used. The message always says which file,
 * where in it (a JSONPath such as `$.rules.quarterly[0].conditions`) and what was expected, so a
 * bureau clerk can fix the file without reading code.
 */
export class DocumentError extends Error {
  constructor(
    readonly source: string,
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${source}: ${path}: ${expected}`);
    this.name = 'DocumentError';
  }
}

const identifier = /^[A-Za-z_$][\w$]*$/;

export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((key) => {
        if (typeof key === 'number') return `[${key}]`;
        const name = String(key);
        return identifier.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
      })
      .join('')
  );
}

export function showValue(input: unknown): string {
  if (input === null || ['number', 'string', 'boolean'].includes(typeof input)) return JSON.stringify(input);
  return Array.isArray(input) ? 'an array' : typeof input === 'object' ? 'an object' : String(input);
}

/** zod's messages start with a category ("Invalid input: …"); the clerk only needs the expectation. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type') return input === undefined ? `missing; expected ${issue.expected}` : `expected ${issue.expected}, got ${showValue(input)}`;
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message.replace(/^Invalid option: /, '') ?? 'a known key';
    return `unknown key; ${inner}`;
  }
  const expectation = issue.message.replace(/^(Invalid input|Invalid option|Too big|Too small): /, '');
  return input !== undefined && (input === null || typeof input !== 'object') ? `${expectation}, got ${showValue(input)}` : expectation;
}

/** Parses with a zod schema and turns the first problem into a DocumentError of the given class. */
export function parseDocument<S extends z.ZodType>(
  schema: S,
  json: unknown,
  source: string,
  makeError: (source: string, path: string, expected: string) => DocumentError = (s, p, e) => new DocumentError(s, p, e),
): z.output<S> {
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw makeError(source, jsonPath(issue.path), describeIssue(issue));
}

// zod at the edge: bodies that parse but say something impossible are 422 with JSON pointers;
// query strings that do not parse are 400 (an unknown parameter too: a filter that is ignored
// would answer with everything); path ids that cannot exist are 404.
import { z } from 'zod';
import { Problem, type FieldError } from './problem.js';

export function pointerOf(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw Problem.field(400, { pointer: '', message: 'expected a JSON body (Content-Type: application/json)' });
  const r = schema.safeParse(body);
  if (!r.success)
    throw Problem.fields(
      422,
      r.error.issues.map((i) => ({ pointer: pointerOf(i.path), message: i.message })),
    );
  return r.data;
}

/**
 * Each query schema's strict twin, made once: `.strict()` builds a new schema, and zod compiles a
 * schema at its first parse, which per request cost more than the parse.
 */
const strictSchemas = new WeakMap<z.ZodType, z.ZodType>();

function strictOf(schema: z.ZodType): z.ZodType {
  if (!(schema instanceof z.ZodObject)) return schema;
  let strict = strictSchemas.get(schema);
  if (!strict) strictSchemas.set(schema, (strict = schema.strict()));
  return strict;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const r = strictOf(schema).safeParse(query);
  if (!r.success) throw Problem.fields(400, r.error.issues.flatMap(queryErrors));
  return r.data as z.output<S>;
}

const noQuery = z.strictObject({});

/** For routes that take no query parameters: any given is a mistake worth saying. */
export function noParameters(query: unknown): void {
  parseQuery(noQuery, query);
}

/** Unknown keys (`cycleId[$ne]`) each get their own error naming the parameter. */
function queryErrors(i: z.core.$ZodIssue): FieldError[] {
  if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ parameter: k, message: 'unknown query parameter' }));
  return [{ parameter: String(i.path[0] ?? ''), message: i.message }];
}

export function parseParam<S extends z.ZodType>(schema: S, value: unknown, entity: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw Problem.notFound(entity, String(value));
  return r.data;
}

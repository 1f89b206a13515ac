// A request body in a type its route does not read is 415, not a confusing 400 about a missing
// body: JSON everywhere, and the few routes that read something else say so here.
import type { RequestHandler } from 'express';
import { Problem } from './problem.js';

export const jsonTypes = ['application/json', 'application/*+json'];

/** Requests with a non-empty body must be JSON, or one of the types listed for their path (or a pattern of paths). */
export function requireMediaType(others: Record<string, string[]>, patterns: [RegExp, string[]][] = []): RequestHandler {
  return (req, _res, next) => {
    const length = req.get('content-length');
    const hasBody = req.get('transfer-encoding') !== undefined || (length !== undefined && Number(length) > 0);
    const accepted = [...jsonTypes, ...(others[req.path] ?? patterns.find(([p]) => p.test(req.path))?.[1] ?? [])];
    if (hasBody && !req.is(accepted)) {
      throw new Problem(
        415,
        `a ${req.get('content-type') ?? 'body without Content-Type'} body is not accepted here; send ${accepted.filter((t) => !t.includes('*')).join(' or ')}`,
      );
    }
    next();
  };
}

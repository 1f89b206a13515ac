// An operation is a route table entry's handler with the zod schemas it validates with; the same
// schemas write the OpenAPI document. mountOperations puts every table entry on the router, each
// behind the check of who may call it, and refuses to start when an entry has no handler.
import type { RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { principalOf } from './principal.js';
import { routeTable, type OperationId, type Reach } from './routeTable.js';
import { Problem } from '../problem.js';

export interface Operation {
  /** The JSON body; a multipart or CSV upload documents its own media type instead. */
  body?: z.ZodType;
  /** Non-JSON request bodies, by media type (e.g. text/csv), for the document. */
  upload?: Record<string, { description: string }>;
  query?: z.ZodType;
  /** The path parameters, by name. */
  params?: z.ZodType;
  /**
   * Each success status and what it answers with; a status mapped to a media type is not
   * application/json: a file (CSV, XLSX …), or a JSON media type such as application/schema+json
   * whose body `schema` describes.
   */
  responses: Partial<Record<200 | 201 | 202 | 204, z.ZodType | { mediaType: string; description: string; schema?: z.ZodType } | null>>;
  handler: RequestHandler;
}

export type Operations<K extends OperationId = OperationId> = { [P in K]: Operation };

/** The reach of the caller's role for the operation being served (set by the check below). */
export function reachOf(res: Response): Reach {
  return res.locals.reach as Reach;
}

function authorize(id: OperationId): RequestHandler {
  const { access, summary } = routeTable[id];
  return (_req, res, next) => {
    if (access === 'anyone') return next();
    const p = principalOf(res);
    const reach = (access as Partial<Record<string, Reach>>)[p.role];
    if (!reach) throw new Problem(403, `a user with role ${p.role} may not ${id} (${summary})`, undefined, { operation: id, role: p.role });
    if (p.permissions && !p.permissions.includes(id)) {
      throw new Problem(403, `this access token does not carry the permission ${id}`, undefined, { operation: id });
    }
    res.locals.reach = reach;
    next();
  };
}

export function mountOperations(router: Router, operations: Partial<Operations>): void {
  for (const [id, spec] of Object.entries(routeTable) as [OperationId, (typeof routeTable)[OperationId]][]) {
    const op = operations[id];
    if (!op) continue;
    router[spec.method](spec.path, authorize(id), op.handler);
  }
}

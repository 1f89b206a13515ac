// An operation is a route table entry's handler with the zod schemas it validates with; the same
// schemas write the OpenAPI document. mountOperations puts table entries on the router, each
// behind the check of who may call it.
import type { RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { principalOf } from './principal.js';
import { routeTable, type OperationId, type Reach } from './routeTable.js';
import { Problem } from '../problem.js';

/** A success response that is not JSON: its media type and what it holds. */
export interface MediaResponse {
  mediaType: string;
  description: string;
  /** The body of a JSON media type other than application/json; files have none. */
  schema?: z.ZodType;
}

/** One answer of a success status: JSON of the schema, or a body of another media type. */
export type ResponseBody = z.ZodType | MediaResponse;

export type OperationResponse = ResponseBody | readonly ResponseBody[] | null;

export interface Operation {
  /** The JSON body; a multipart or CSV upload documents its own media type instead. */
  body?: z.ZodType;
  /** Non-JSON request bodies, by media type (e.g. text/csv), for the document. */
  upload?: Record<string, { description: string }>;
  query?: z.ZodType;
  /** The path parameters, by name. */
  params?: z.ZodType;
  /**
   * Each success status and what it answers with: a zod schema (JSON), a media type (a file such
   * as CSV or XLSX, or a JSON media type such as application/schema+json whose `schema` describes it),
   * null (no body), or a list of these when one status answers in several media types (e.g. JSON,
   * or CSV and XLSX by a `format` parameter).
   */
  responses: Partial<Record<200 | 201 | 202 | 204, OperationResponse>>;
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

/** Mounts the operations given, in table order; the app gives every one (its type refuses a missing one). */
export function mountOperations(router: Router, operations: Partial<Operations>): void {
  for (const [id, spec] of Object.entries(routeTable) as [OperationId, (typeof routeTable)[OperationId]][]) {
    const op = operations[id];
    if (!op) continue;
    router[spec.method](spec.path, authorize(id), op.handler);
  }
}

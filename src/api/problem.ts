// RFC 9457 problem details: every failure leaves as application/problem+json with a status
// that says what went wrong, and the offending field both in `errors` and in `detail`.
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { databaseUnavailable } from '../db/unavailable.js';
import { requestIdOf } from './requestId.js';

export interface FieldError {
  /** JSON pointer into the request body ('' is the whole body). */
  pointer?: string;
  /** Name of a query or path parameter. */
  parameter?: string;
  /** CSV uploads: 1-based line and column name. */
  line?: number;
  column?: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const titles: Record<number, [type: string, title: string]> = {
  400: ['/problems/malformed-request', 'Malformed request'],
  401: ['/problems/unauthorized', 'Unauthorized'],
  403: ['/problems/forbidden', 'Forbidden'],
  404: ['/problems/not-found', 'Not found'],
  409: ['/problems/conflict', 'Conflict'],
  413: ['/problems/too-large', 'Request body too large'],
  415: ['/problems/unsupported-media-type', 'Unsupported media type'],
  429: ['/problems/too-many-requests', 'Too many requests'],
  422: ['/problems/validation', 'Validation failed'],
  500: ['about:blank', 'Internal Server Error'],
  503: ['/problems/unavailable', 'Service unavailable'],
};

/**
 * How long a client should wait after a 503 for the database: outages that end by themselves (a
 * restart, a lock released) take seconds, and retrying sooner only adds load while it lasts.
 */
export const databaseRetryAfterSeconds = 5;

export class Problem extends Error {
  readonly body: ProblemBody;
  /** Sent as Retry-After: the problem passes if the client waits this long. */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly status: number,
    detail: string,
    errors?: FieldError[],
    extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    // A passing problem (429, 503) says in its body and in Retry-After how long to wait.
    if (typeof extensions.retryAfterSeconds === 'number') this.retryAfterSeconds = extensions.retryAfterSeconds;
    const [type, title] = titles[status] ?? ['about:blank', 'Error'];
    this.body = { type, title, status, detail, ...(errors?.length ? { errors } : {}), ...extensions };
  }

  /** A problem whose detail names the first field at fault. */
  static fields(status: number, errors: FieldError[]): Problem {
    const [first] = errors;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return new Problem(status, `${where(first)}: ${first.message}${more}`, errors);
  }

  static field(status: number, error: FieldError): Problem {
    return Problem.fields(status, [error]);
  }

  static notFound(entity: string, id: string | number): Problem {
    return new Problem(404, `${entity} ${id} does not exist`);
  }

  static databaseUnavailable(): Problem {
    return new Problem(503, `the database cannot be reached or is locked; try again in ${databaseRetryAfterSeconds} s`, undefined, {
      type: '/problems/database-unavailable',
      title: 'Database unavailable',
      retryAfterSeconds: databaseRetryAfterSeconds,
    });
  }
}

export function where(e: Omit<FieldError, 'message'>): string {
  if (e.line !== undefined) return `line ${e.line}${e.column ? `, column ${e.column}` : ''}`;
  if (e.parameter !== undefined) return `parameter ${e.parameter}`;
  return e.pointer ? e.pointer : 'request body';
}

/** Sends the problem with the request's id, which the logs carry too. */
export function sendProblem(res: Response, problem: Problem): void {
  if (problem.status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (problem.retryAfterSeconds !== undefined) res.set('Retry-After', String(problem.retryAfterSeconds));
  const requestId = requestIdOf(res);
  res
    .status(problem.status)
    .type('application/problem+json')
    .send(JSON.stringify(requestId ? { ...problem.body, requestId } : problem.body));
}

export const notFoundRoute: RequestHandler = (req) => {
  throw new Problem(404, `no route for ${req.method} ${req.path}`);
};

/**
 * Turns anything thrown into a problem; only the unexpected is logged, with a generic detail. A
 * database that cannot be reached or is locked is no fault of the request nor of the code: 503,
 * and its reason goes on the request's own log line (a warning, see log.ts), not as an error.
 */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const unavailable = databaseUnavailable(err);
    if (unavailable) {
      res.locals.databaseUnavailable = unavailable;
      return sendProblem(res, Problem.databaseUnavailable());
    }
    const problem = toProblem(err);
    if (problem) return sendProblem(res, problem);
    log.error({ err, requestId: requestIdOf(res) }, `unexpected error on ${req.method} ${req.path}`);
    sendProblem(res, new Problem(500, 'an unexpected error occurred; it has been logged'));
  };
}

function toProblem(err: unknown): Problem | undefined {
  if (err instanceof Problem) return err;
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: string; status?: number; code?: string; name?: string; meta?: Record<string, unknown>; field?: string; message?: string };
  // body-parser
  if (e.type === 'entity.parse.failed') {
    return new Problem(400, `request body: malformed JSON (${e.message})`, [{ pointer: '', message: 'malformed JSON' }]);
  }
  if (e.type === 'entity.too.large') return new Problem(413, 'the request body exceeds the 1 MB limit');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') return new Problem(415, e.message ?? 'unsupported encoding');
  // multer
  if (e.name === 'MulterError') {
    if (e.code === 'LIMIT_FILE_SIZE') return new Problem(413, 'the uploaded file exceeds the 1 MB limit');
    return Problem.field(400, { pointer: `/${e.field ?? ''}`, message: e.message ?? 'bad multipart upload' });
  }
  // Prisma: the two providers' clients have separate error classes, so match on the code.
  if (e.name === 'PrismaClientKnownRequestError') {
    if (e.code === 'P2002') return new Problem(409, `a record with the same ${uniqueFields(e.meta)} already exists`);
    if (e.code === 'P2025') return new Problem(404, 'the record does not exist');
    if (e.code === 'P2034') return new Problem(409, 'a concurrent change conflicted with this request; retry it');
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new Problem(e.status, e.message ?? 'bad request');
  return undefined;
}

function uniqueFields(meta: Record<string, unknown> | undefined): string {
  const target = meta?.target ?? (meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } } | undefined)?.cause?.constraint?.fields;
  return Array.isArray(target) ? target.join(', ') : 'key';
}

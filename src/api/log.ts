// Structured JSON logs (pino): one line per request, and the lines the service writes itself,
// each with the id of the request it serves. No secrets: the request line is built field by field
// (no headers, no body), and redaction blanks credentials wherever else they could appear.
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Principal } from './access/principal.js';
import { currentRequestId } from './requestId.js';

export type { Logger } from 'pino';

/** Never logged: credentials in headers, bodies or errors, at the top level or one level down. */
const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'token', 'csrfToken', 'invitationCode', 'authorization', 'cookie'].flatMap((k) => [k, `*.${k}`]),
  // An invitation's one-time code; not `*.code`, which would blank errors' codes.
  'code',
  'body.code',
  'req.body.code',
];

export function createLogger(options: { level?: LevelWithSilent; stream?: DestinationStream } = {}): Logger {
  const opts = {
    level: options.level ?? 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: '[redacted]' },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    hooks: {
      // The routes log as `log.warn(message, err)`: the error goes under `err`, serialized.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        const [first, ...rest] = args;
        if (typeof first === 'string' && rest.length > 0 && !first.includes('%')) {
          const err = rest.find((r) => r instanceof Error);
          return method.apply(this, [err ? { err } : { detail: rest.length === 1 ? rest[0] : rest }, first]);
        }
        return method.apply(this, args);
      },
    },
  };
  return options.stream ? pino(opts, options.stream) : pino(opts);
}

/** The path without the query string (Express's originalUrl: sub-routers rewrite url). */
function pathOf(req: { originalUrl?: string; url?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0]!;
}

/** The one line per request: method, path, status, duration, request id and the signed-in user. */
export function requestLogger(logger: Logger): RequestHandler {
  const line = (req: { method?: string; originalUrl?: string; url?: string }, res: { statusCode: number; locals?: Record<string, unknown> }, ms: number) => {
    const principal = res.locals?.principal as Principal | undefined;
    return {
      requestId: res.locals?.requestId,
      method: req.method,
      path: pathOf(req),
      status: res.statusCode,
      durationMs: ms,
      ...(res.locals?.databaseUnavailable ? { databaseUnavailable: res.locals.databaseUnavailable } : {}),
      ...(principal
        ? {
            user: {
              id: principal.userId,
              role: principal.role,
              countyId: principal.countyId,
              auth: principal.auth.method,
              credentialId: principal.auth.credentialId,
            },
          }
        : {}),
    };
  };
  return pinoHttp({
    logger,
    genReqId: (_req, res) => (res as unknown as { locals: { requestId: string } }).locals.requestId,
    quietResLogger: true,
    // 503 is a passing unavailability that the client is told to retry, not a fault of the service.
    customLogLevel: (_req, res, err) => (res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, val: { responseTime: number }) => line(req, res as never, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => line(req, res as never, val.responseTime),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    serializers: { req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: req.url?.split('?')[0] }) },
  }) as unknown as RequestHandler;
}

// Every request has an id: the caller's X-Request-Id when it is a sane token, else a new UUID.
// It is echoed in the response header, repeated in problem bodies (`requestId`) and carried by
// every log line written while the request is served (through the async context below).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

const sane = /^[A-Za-z0-9._-]{1,64}$/;
const current = new AsyncLocalStorage<{ requestId: string }>();

const requestIdHeader = 'X-Request-Id';

export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get(requestIdHeader);
  const id = given !== undefined && sane.test(given) ? given : randomUUID();
  res.locals.requestId = id;
  res.set(requestIdHeader, id);
  current.run({ requestId: id }, next);
};

/** The id of the request being served, for problem bodies; undefined outside a request. */
export function requestIdOf(res: Response): string | undefined {
  return res.locals.requestId as string | undefined;
}

/** The id of the request whose work is running now, for log lines. */
export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId;
}

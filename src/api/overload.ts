// Load shedding: a process that takes every request queues them without end once the database or
// the CPU cannot keep up, and then every caller waits, times out and retries. Instead, past a bound
// of requests in flight a request waits briefly for a slot, and past the wait or a full queue it is
// answered at once with 503 and Retry-After; one client far above its share gets 429 first.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sessionCookie } from '../accounts/sessions.js';
import { cookieOf } from './auth.js';
import { Problem, sendProblem } from './problem.js';

export interface OverloadOptions {
  /** Requests a process works on at once. */
  maxInFlight: number;
  /** Requests that may wait for a slot; beyond them 503 at once. */
  maxQueued: number;
  /** How long a request may wait for a slot before 503. */
  maxWaitMs: number;
  /** How late the event loop may run: beyond it requests wait unseen in the socket, so new ones get 503. */
  maxEventLoopDelayMs: number;
  /** The share of the last second the event loop may have been busy (0–1) while more than maxInFlight requests came… */
  maxEventLoopUtilization: number;
  /** …and how late it may run meanwhile: beyond both, new requests get 503. */
  maxBusyEventLoopDelayMs: number;
  /** Requests one client (its credential, else its address) may make per minute before 429. */
  clientMaxPerMinute: number;
}

/** Seconds a shed caller is told to wait: long enough for the queue to drain, short enough to matter. */
const overloadRetryAfterSeconds = 1;

/** The per-client limit, then the in-flight gate. */
export function shedLoad(options: OverloadOptions): RequestHandler[] {
  return [perClient(options.clientMaxPerMinute), inFlightGate(options)];
}

/** Who a request comes from: its bearer token or session cookie (hashed), else its address. */
function clientKey(req: Request): string {
  const credential = req.get('authorization') ?? cookieOf(req, sessionCookie);
  if (credential) return `credential:${createHash('sha256').update(credential).digest('base64url')}`;
  return `address:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

function perClient(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler: (_req, res) => {
      const seconds = Number(res.get('Retry-After') ?? 1);
      sendProblem(
        res,
        new Problem(429, `more than ${limit} requests a minute from this client; try again in ${seconds} s`, undefined, { retryAfterSeconds: seconds }),
      );
    },
  });
}

/**
 * How late a timer of `everyMs` runs: as late as it last fired, or later while the turn in progress
 * keeps it from firing. With better-sqlite3 a query runs on the event loop, so an overloaded process
 * shows as a late loop rather than as requests in flight: requests then queue in the socket before
 * any middleware sees them.
 */
function eventLoopDelay(everyMs = 20): () => number {
  let last = performance.now();
  let delay = 0;
  setInterval(() => {
    const now = performance.now();
    delay = Math.max(0, now - last - everyMs);
    last = now;
  }, everyMs).unref();
  return () => Math.max(delay, performance.now() - last - everyMs);
}

/**
 * The share of the last second the event loop was busy, and how many requests came in that second.
 * A loop that takes on more short requests than it can finish is never late by much, yet leaves no
 * idle moment, and the requests it has not come to yet wait unseen in the socket until the client
 * gives up. Busy all the time alone is not behind, though: a loop kept busy by a GC pause or the
 * worker's turn still comes to every request within a few tens of milliseconds, and shedding then
 * refused requests it would have answered in time. Busy and late is behind. Busy with few requests
 * is the process's own work (starting, the worker deciding a cycle), which shedding the few would
 * not shorten.
 */
function eventLoopBusy(everyMs = 100, windowMs = 1000): { busy: () => number; arrivals: () => number; arrived: () => void } {
  const samples = [performance.eventLoopUtilization()];
  const counts = [0];
  let busy = 0;
  setInterval(() => {
    samples.push(performance.eventLoopUtilization());
    counts.push(0);
    if (samples.length > windowMs / everyMs + 1) {
      samples.shift();
      counts.shift();
    }
    busy = performance.eventLoopUtilization(samples.at(-1), samples[0]).utilization;
  }, everyMs).unref();
  return {
    busy: () => busy,
    arrivals: () => counts.reduce((a, b) => a + b, 0),
    arrived: () => void (counts[counts.length - 1]! += 1),
  };
}

function inFlightGate({
  maxInFlight,
  maxQueued,
  maxWaitMs,
  maxEventLoopDelayMs,
  maxEventLoopUtilization,
  maxBusyEventLoopDelayMs,
}: OverloadOptions): RequestHandler {
  const delay = eventLoopDelay();
  const loop = eventLoopBusy();
  let inFlight = 0;
  // Callbacks that hand a freed slot to a waiting request, oldest first.
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  return (_req, res, next) => {
    const late = delay();
    if (late > maxEventLoopDelayMs) return shed(res, `the event loop runs ${Math.round(late)} ms late`);
    loop.arrived();
    // As many requests in the last second as the process works on at once: they are what keeps it busy.
    if (loop.busy() > maxEventLoopUtilization && loop.arrivals() > maxInFlight && late > maxBusyEventLoopDelayMs)
      return shed(
        res,
        `the event loop was busy ${Math.round(loop.busy() * 100)} % of the last second, with ${loop.arrivals()} requests, and runs ${Math.round(late)} ms late`,
      );
    let released = false;
    const admit = () => {
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      // 'close' also fires when the client hangs up before the answer is written.
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (inFlight < maxInFlight) {
      inFlight++;
      return admit();
    }
    if (waiting.length >= maxQueued || maxWaitMs === 0) return shed(res, `${inFlight} requests in progress and ${waiting.length} waiting`);
    // A caller that hangs up while waiting leaves the queue, so no slot goes to a closed response.
    const leave = () => {
      clearTimeout(timer);
      res.off('close', leave);
      const i = waiting.indexOf(slot);
      if (i >= 0) waiting.splice(i, 1);
    };
    const slot = () => {
      leave();
      admit();
    };
    const timer = setTimeout(() => {
      leave();
      shed(res, `no request slot freed within ${maxWaitMs} ms`);
    }, maxWaitMs);
    res.once('close', leave);
    waiting.push(slot);
  };
}

function shed(res: Parameters<RequestHandler>[1], why: string): void {
  sendProblem(
    res,
    new Problem(503, `the service is overloaded (${why}); try again in ${overloadRetryAfterSeconds} s`, undefined, {
      type: '/problems/overloaded',
      title: 'Service overloaded',
      retryAfterSeconds: overloadRetryAfterSeconds,
    }),
  );
}

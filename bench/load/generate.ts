// The load generator, a process of its own so that its work does not share the service's event
// loop: `tsx bench/load/generate.ts <population.json> <requests/s> <seconds> [timeout ms] [warm-up s]`.
// An open model: request i is sent at start + i/rate whether or not earlier ones have answered,
// and its latency counts from that moment, so a slow service cannot slow the arrivals down
// (coordinated omission). Prints one JSON line: percentiles, status counts, timeouts, errors.
// The first warm-up seconds at the rate are sent but only counted apart: a fresh generator
// process, its code still cold, was itself busy 90–96 % of its first two seconds at 800
// requests/s and sent late, and its requests timed out in it, not in the service.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { requestMix, sendRequest, type Request } from './mix.js';
import type { Population } from './population.js';

const [file, rateArg, secondsArg, timeoutArg, warmUpArg] = process.argv.slice(2);
if (!file || !rateArg || !secondsArg) throw new Error('usage: generate.ts <population.json> <requests/s> <seconds> [timeout ms] [warm-up s]');
const population = JSON.parse(readFileSync(file, 'utf8')) as Population;
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const timeoutMs = Number(timeoutArg ?? 5000);
const warmUpMs = Number(warmUpArg ?? 0) * 1000;

const nextRequest = requestMix(population);

const latencies: number[] = [];
/** Latencies of requests the service took on (neither shed nor timed out). */
const accepted: number[] = [];
const statuses: Record<string, number> = {};
const kinds: Record<string, Record<string, number>> = {};
/** Per kind, the latencies of requests taken on. */
const kindLatencies: Record<string, number[]> = {};
let timeouts = 0;
let errors = 0;
let shedWithoutRetryAfter = 0;
/** Shed and timed-out requests by the second of the run they were sent in: a burst or all along. */
const shedBySecond: Record<string, number> = {};
const timedOutBySecond: Record<string, number> = {};
let maxLateMs = 0;
const firstErrors: string[] = [];
const count = (o: Record<string, number>, key: string) => (o[key] = (o[key] ?? 0) + 1);
const timedOut = (err: unknown) => err instanceof DOMException && err.name === 'TimeoutError';
/** The second of the judged run a request was scheduled in. */
const secondOf = (scheduledAt: number) => String(Math.floor((scheduledAt - started - warmUpMs) / 1000));
/** The warm-up's requests: their statuses and timeouts ('timeout'), counted apart. */
const warmUp = { sent: 0, statuses: {} as Record<string, number> };

async function warm(req: Request): Promise<void> {
  warmUp.sent++;
  try {
    const res = await sendRequest(population.apiUrl, req, AbortSignal.timeout(timeoutMs));
    await res.arrayBuffer();
    count(warmUp.statuses, String(res.status));
  } catch (err) {
    count(warmUp.statuses, timedOut(err) ? 'timeout' : 'error');
  }
}

async function send(req: Request, scheduledAt: number): Promise<void> {
  if (scheduledAt < started + warmUpMs) return warm(req);
  try {
    const res = await sendRequest(population.apiUrl, req, AbortSignal.timeout(timeoutMs));
    const text = await res.text();
    const ms = performance.now() - scheduledAt;
    latencies.push(ms);
    count(statuses, String(res.status));
    count((kinds[req.kind] ??= {}), String(res.status));
    const shed = res.status === 429 || res.status === 503;
    if (shed && !res.headers.get('retry-after')) shedWithoutRetryAfter++;
    if (shed) count(shedBySecond, secondOf(scheduledAt));
    if (!shed) {
      accepted.push(ms);
      (kindLatencies[req.kind] ??= []).push(ms);
    }
    if (res.status >= 500 && firstErrors.length < 5) firstErrors.push(`${req.method} ${req.path} ${res.status} ${text.slice(0, 300)}`);
  } catch (err) {
    if (timedOut(err)) {
      timeouts++;
      count((kinds[req.kind] ??= {}), 'timeout');
      count(timedOutBySecond, secondOf(scheduledAt));
    } else {
      errors++;
      if (firstErrors.length < 5) firstErrors.push(`${req.method} ${req.path}: ${String((err as Error).cause ?? err)}`);
    }
  }
}

const total = Math.round((rate * (warmUpMs + seconds * 1000)) / 1000);
const interval = 1000 / rate;
const pending: Promise<void>[] = [];
const started = performance.now();
for (let i = 0; i < total;) {
  const now = performance.now();
  for (; i < total && started + i * interval <= now; i++) {
    const at = started + i * interval;
    maxLateMs = Math.max(maxLateMs, now - at);
    pending.push(send(nextRequest(), at));
  }
  await sleep(Math.max(1, started + i * interval - performance.now()));
}
await Promise.all(pending);

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
console.log(
  JSON.stringify({
    rate,
    seconds,
    sent: total - warmUp.sent,
    warmUp,
    answered: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    acceptedP95Ms: percentile(accepted, 95),
    statuses,
    timeouts,
    errors,
    shedWithoutRetryAfter,
    maxLateMs: Math.round(maxLateMs),
    kinds,
    shedBySecond,
    timedOutBySecond,
    kindP95Ms: Object.fromEntries(Object.entries(kindLatencies).map(([k, xs]) => [k, percentile(xs, 95)])),
    firstErrors,
  }),
);

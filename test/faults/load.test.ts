// API load on one process on SQLite: LOAD_TEST_RATE (200) requests/s of mixed reads and writes for
// LOAD_TEST_SECONDS (300) hold with p95 < 150 ms, no 5xx and no SQLITE_BUSY; at four times that
// rate for LOAD_TEST_OVERLOAD_SECONDS (60) the excess is shed with 429/503 and Retry-After instead
// of timing out, and afterwards the service is healthy. The generator is a process of its own
// (bench/load/generate.ts), the service a real `src/main.ts` process.
//
// Until 2026-12-02 the test ran at 100 and 400: at 200 the service shed 0.9–1.9 % with 503 in the
// seconds its event loop was busy throughout, though it came to every request within tens of
// milliseconds. It now sheds a busy loop only while it also runs late
// (HTTP_MAX_BUSY_EVENT_LOOP_DELAY_MS, docs/faults.md#load-and-shedding), and 200 for 300 s shed
// nothing (`npm run bench -- load`, p95 18–19 ms).
import { describe, expect, inject, it } from 'vitest';
import { loadScenario, type LoadScenarioResult } from '../../bench/load/scenario.js';
import { devNamespaces } from '../support/namespaces.js';

const rate = Number(process.env.LOAD_TEST_RATE ?? 200);
const steadySeconds = Number(process.env.LOAD_TEST_SECONDS ?? 300);
const overloadSeconds = Number(process.env.LOAD_TEST_OVERLOAD_SECONDS ?? 60);
const timeoutMs = 5000;

const serverErrors = (statuses: Record<string, number>, except: string[] = []) =>
  Object.entries(statuses)
    .filter(([status]) => Number(status) >= 500 && !except.includes(status))
    .reduce((n, [, count]) => n + count, 0);

describe('the API under load on one process on SQLite', () => {
  let result: LoadScenarioResult;

  it(`holds ${rate} requests/s of mixed reads and writes for ${steadySeconds} s: p95 < 150 ms, no 5xx, no timeout, no SQLITE_BUSY`, async () => {
    const namespace = devNamespaces.faultsLoad;
    result = await loadScenario({
      env: { TEMPORAL_ADDRESS: inject('devServerAddress'), TEMPORAL_NAMESPACE: namespace, TASK_QUEUE: `${namespace}-${Date.now()}` },
      rate,
      steadySeconds,
      overloadSeconds,
      timeoutMs,
    });
    // The measured figures, for the report and docs/faults.md.
    console.log(JSON.stringify({ ...result, steady: { ...result.steady, kinds: undefined }, overload: { ...result.overload, kinds: undefined } }));
    const { steady } = result;
    expect(steady.firstErrors).toEqual([]);
    expect({ timeouts: steady.timeouts, errors: steady.errors, serverErrors: serverErrors(steady.statuses) }).toEqual({
      timeouts: 0,
      errors: 0,
      serverErrors: 0,
    });
    expect(steady.answered).toBe(steady.sent);
    expect(steady.p95Ms).toBeLessThan(150);
    expect(result.busyLines).toEqual([]);
  });

  it(`sheds ${rate * 4} requests/s with 429/503 and Retry-After rather than timing out, and is healthy afterwards`, () => {
    expect(result, 'the steady run must have completed').toBeDefined();
    const { overload, afterwards } = result;
    const shed = (overload.statuses['429'] ?? 0) + (overload.statuses['503'] ?? 0);
    expect(shed).toBeGreaterThan(0);
    expect(overload.shedWithoutRetryAfter).toBe(0);
    // The excess is answered at once, not left to wait out the client's 5 s: at 800 requests/s the
    // generator, on the same two cores, is itself busy most of the time and a few bursts still time
    // out (1.2 % on 2026-12-02), against some forty times as many shed.
    expect(overload.timeouts).toBeLessThanOrEqual(overload.sent * 0.03);
    expect(shed).toBeGreaterThanOrEqual(overload.timeouts * 10);
    expect({ errors: overload.errors, otherServerErrors: serverErrors(overload.statuses, ['503']) }).toEqual({ errors: 0, otherServerErrors: 0 });
    expect(overload.acceptedP95Ms).toBeLessThan(2000);
    expect(afterwards.readyz).toBe(200);
    expect(afterwards.session).toBe(200);
    expect(afterwards.sessionMs).toBeLessThan(1000);
    expect(result.busyLines).toEqual([]);
  });
});

// The in-flight gate sheds on a loop that was busy all of the last second with requests and runs
// late by more than its busy bound, though far less than its lateness bound: the backlog of such a
// loop waits unseen in the sockets. Busy but coming to every request at once (short turns), or busy
// with its own work and few requests (starting, deciding a cycle), it sheds nothing.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shedLoad } from '../../src/api/overload.js';

const spin = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

const idle = () => new Promise((resolve) => setTimeout(resolve, 1300));

describe('load shedding on a busy event loop', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(
      '/api',
      shedLoad({
        maxInFlight: 4,
        maxQueued: 256,
        maxWaitMs: 1000,
        // Lateness alone would never shed here: only the busy loop can.
        maxEventLoopDelayMs: 60_000,
        maxEventLoopUtilization: 0.9,
        maxBusyEventLoopDelayMs: 50,
        clientMaxPerMinute: 1_000_000,
      }),
    );
    app.get('/api/ping', (_req, res) => void res.json({ ok: true }));
    // A burst of turns leaving the loop no idle moment: of 100 ms, above the busy bound and far
    // below the lateness bound, or of 5 ms, below both.
    app.get('/api/busy/:turnMs', (req, res) => {
      const until = performance.now() + 1300;
      const turn = () => {
        spin(Number(req.params.turnMs));
        if (performance.now() < until) setImmediate(turn);
        else res.json({ ok: true });
      };
      turn();
    });
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Pings sent one after another while the loop is kept busy in turns of `turnMs`: their statuses. */
  async function pingWhileBusy(turnMs: number): Promise<number[]> {
    let done = false;
    const busy = fetch(`${base}/api/busy/${turnMs}`).finally(() => (done = true));
    const statuses: number[] = [];
    while (!done) statuses.push((await fetch(`${base}/api/ping`)).status);
    expect((await busy).status).toBe(200);
    return statuses;
  }

  it('answers 503 with Retry-After while busy with requests and late, and 200 once it has been idle', async () => {
    // The test's own start kept the loop busy too.
    await idle();
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
    // Requests keep coming while the loop is busy, as they do under load.
    const statuses = await pingWhileBusy(100);
    expect(statuses[0]).toBe(200);
    expect(statuses).toContain(503);
    const shed = await fetch(`${base}/api/ping`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(((await shed.json()) as { detail: string }).detail).toMatch(/busy \d+ % of the last second, with \d+ requests, and runs \d+ ms late/);
    await idle();
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
  });

  it('sheds nothing while busy with requests it comes to at once', async () => {
    await idle();
    const statuses = await pingWhileBusy(5);
    expect(statuses.length).toBeGreaterThan(4);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('sheds nothing after a second busy with its own work and few requests', async () => {
    await idle();
    expect((await fetch(`${base}/api/busy/100`)).status).toBe(200);
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
  });
});

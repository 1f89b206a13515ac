// The in-flight gate sheds on a loop that was busy all of the last second with requests, though it
// never ran late by more than its bound: the backlog of such a loop waits unseen in the sockets.
// Busy with its own work and few requests (starting, deciding a cycle), it sheds nothing.
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
        clientMaxPerMinute: 1_000_000,
      }),
    );
    app.get('/api/ping', (_req, res) => void res.json({ ok: true }));
    // A burst of short turns, each far below any lateness bound, leaving the loop no idle moment.
    app.get('/api/busy', (_req, res) => {
      const until = performance.now() + 1300;
      const turn = () => {
        spin(5);
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

  it('answers 503 with Retry-After right after a second busy with requests, and 200 once it has been idle', async () => {
    // The test's own start kept the loop busy too.
    await idle();
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
    let done = false;
    const busy = fetch(`${base}/api/busy`).finally(() => (done = true));
    // Requests keep coming while the loop is busy, as they do under load.
    const first = (await fetch(`${base}/api/ping`)).status;
    while (!done) await fetch(`${base}/api/ping`);
    expect(first).toBe(200);
    expect((await busy).status).toBe(200);
    const shed = await fetch(`${base}/api/ping`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(((await shed.json()) as { detail: string }).detail).toMatch(/busy \d+ % of the last second, with \d+ requests/);
    await idle();
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
  });

  it('sheds nothing after a second busy with its own work and few requests', async () => {
    await idle();
    expect((await fetch(`${base}/api/busy`)).status).toBe(200);
    expect((await fetch(`${base}/api/ping`)).status).toBe(200);
  });
});

// Wall time of one real quarterly cycle of the demo county: figures posted over HTTP, the cycle
// started over HTTP and run by a real worker on a Temporal dev server, until it completes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { startService } from '../src/service.js';
import { demoSubmissions } from '../test/support/figures.js';
import { serviceToken } from '../test/support/serviceUsers.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-cycle-'));
const token = 'bench-bureau-token-0123456789';
const service = await startService(
  loadConfig({
    ...process.env,
    DATABASE_URL: `file:${join(dir, 'app.db')}`,
    TEMPORAL_DEV_DB: join(dir, 'temporal.db'),
    TEMPORAL_DEV_PORT: process.env.BENCH_TEMPORAL_PORT ?? '17233',
    TEMPORAL_DEV_UI_PORT: process.env.BENCH_TEMPORAL_UI_PORT ?? '18233',
    TASK_QUEUE: `bench-${Date.now()}`,
    HTTP_PORT: '0',
    BUREAU_TOKEN: token,
    LOG_LEVEL: 'warn',
  }),
);

async function call(method: string, path: string, body?: unknown, as = token) {
  const res = await fetch(`${service.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

try {
  const period = '2026-Q1';
  const ids = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
  // Each department submits its own figures, as itself.
  const submissions = demoSubmissions(ids);
  const tokens = new Map<string, string>();
  for (const { submittedBy } of submissions)
    tokens.set(submittedBy, await serviceToken(`file:${join(dir, 'app.db')}`, { role: 'department', subjectId: submittedBy }));
  const started = performance.now();
  for (const { submittedBy, figures } of submissions) await call('POST', '/api/metrics', { period, figures }, tokens.get(submittedBy));
  const { cycleId } = await call('POST', '/api/cycles', { kind: 'quarterly', period });
  for (;;) {
    const { status, failure } = await call('GET', `/api/cycles/${cycleId}`);
    if (status === 'decided') break;
    if (status === 'failed') throw new Error(`cycle failed: ${JSON.stringify(failure)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(JSON.stringify({ cycleWallMs: Math.round(performance.now() - started) }));
} finally {
  await service.stop();
}

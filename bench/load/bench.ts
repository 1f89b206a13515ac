// `npm run bench -- load`: the load scenario on a dev server of its own; prints its result as JSON.
// BENCH_LOAD_RATE (200 requests/s), BENCH_LOAD_SECONDS (300) and BENCH_LOAD_OVERLOAD_SECONDS (60);
// BENCH_LOAD_SERVICE_NODE_OPTIONS goes to the service process alone (`--cpu-prof --cpu-prof-dir=…`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from './scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-load-temporal-'));
try {
  const result = await loadScenario({
    env: {
      TEMPORAL_DEV_DB: join(dir, 'temporal.db'),
      TEMPORAL_DEV_PORT: process.env.BENCH_TEMPORAL_PORT ?? '17243',
      TEMPORAL_DEV_UI_PORT: process.env.BENCH_TEMPORAL_UI_PORT ?? '18243',
      TASK_QUEUE: `bench-load-${Date.now()}`,
      ...(process.env.BENCH_LOAD_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_LOAD_SERVICE_NODE_OPTIONS } : {}),
    },
    rate: Number(process.env.BENCH_LOAD_RATE ?? 200),
    steadySeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 300),
    overloadSeconds: Number(process.env.BENCH_LOAD_OVERLOAD_SECONDS ?? 60),
    timeoutMs: 5000,
  });
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

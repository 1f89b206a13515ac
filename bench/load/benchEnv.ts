// A load bench's service runs its own Temporal dev server on a file of its own, removed afterwards;
// BENCH_LOAD_SERVICE_NODE_OPTIONS goes to the service process alone (a CPU profile).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withOwnDevServer<T>(name: string, ports: { port: number; uiPort: number }, run: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-temporal-`));
  try {
    return await run({
      TEMPORAL_DEV_DB: join(dir, 'temporal.db'),
      TEMPORAL_DEV_PORT: process.env.BENCH_TEMPORAL_PORT ?? String(ports.port),
      TEMPORAL_DEV_UI_PORT: process.env.BENCH_TEMPORAL_UI_PORT ?? String(ports.uiPort),
      TASK_QUEUE: `${name}-${Date.now()}`,
      ...(process.env.BENCH_LOAD_SERVICE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_LOAD_SERVICE_NODE_OPTIONS } : {}),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

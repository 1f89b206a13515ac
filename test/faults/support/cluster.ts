// The local cluster (`npm run cluster -- up`) for fault tests: brought up by the same code,
// its Temporal server killed and started again, and fresh application databases on its PostgreSQL.
import { randomBytes } from 'node:crypto';
import { isAlive, run, sleep } from '../../../scripts/cluster/run.js';
import { serverProcesses, startServer, waitForFrontend } from '../../../scripts/cluster/server.js';
import { paths } from '../../../scripts/cluster/settings.js';
import { clusterUp, type Cluster } from '../../../scripts/cluster/up.js';
import { freshPostgres, type TestDb } from '../../support/db.js';

/** Brings the cluster up unless it is (idempotent) with `namespaces` created; its addresses and URLs. */
export function ensureCluster(options: { namespaces?: string[] } = {}): Promise<Cluster> {
  return clusterUp({ namespaces: options.namespaces });
}

/** A namespace of its own for one run of a test file (a cluster keeps finished cycles' ids). */
export function runNamespace(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

export async function deleteNamespace(cluster: Cluster, namespace: string) {
  await run(paths.cli, ['operator', 'namespace', 'delete', '--namespace', namespace, '--yes', '--address', cluster.temporalAddress]);
}

/** `kill -9` of every Temporal server process, then the same processes started again; resolves once the frontend answers. */
export async function restartTemporalServer(cluster: Cluster): Promise<void> {
  const running = serverProcesses();
  if (running.length === 0) throw new Error('the cluster’s Temporal server is not running');
  for (const p of running) process.kill(p.pid, 'SIGKILL');
  while (running.some((p) => isAlive(p.pid))) await sleep(100);
  await waitForFrontend(cluster.settings, startServer(running.length > 1));
}

/** A fresh, migrated application database on the cluster's PostgreSQL. */
export function freshClusterDatabase(cluster: Cluster, name: string): Promise<TestDb> {
  return freshPostgres(name, cluster.postgresAdminUrl);
}

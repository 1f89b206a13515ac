// The service on the local cluster (`npm run cluster -- up`: the real Temporal server on its own
// PostgreSQL): the service a real process serving the API only, two `npm run worker` processes
// doing the work, the demo county's quarter decided — and decided again across a kill -9 and
// restart of the Temporal server in the middle of the cycle.
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSubmissions } from '../support/figures.js';
import { serviceToken } from '../support/serviceUsers.js';
import { deleteNamespace, ensureCluster, freshClusterDatabase, restartTemporalServer, runNamespace } from './support/cluster.js';
import { startServiceProcess, startWorkerProcess, type RunningProcess } from './support/processes.js';
import { apiOf } from './support/quarters.js';
import type { Cluster } from '../../scripts/cluster/up.js';

const token = 'faults-cluster-bureau-token-0123';
const cycleId = 'quarterly-2026-Q1-demo';
const communities = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];
// Each run its own namespaces: the cluster keeps the decided cycles' ids of earlier runs.
const plain = runNamespace('faults-cluster');
const restarted = runNamespace('faults-cluster-restart');

let cluster: Cluster;

beforeAll(async () => {
  cluster = await ensureCluster({ namespaces: [plain, restarted] });
});

afterAll(async () => {
  for (const namespace of [plain, restarted]) await deleteNamespace(cluster, namespace).catch(() => {});
});

interface CountyRun {
  /** The cycle's status when `midCycle` began. */
  statusBefore: string;
  officers: string[];
  decisions: { subjectType: string; subjectId: string; kind: string; type: string; amountFen: number | null; revision: number }[];
  /** The `identity` of every worker that started a workflow or activity task, from the histories. */
  identities: Set<string>;
  /** The workers' process ids (their identity is `<pid>@<host>`). */
  workerPids: string[];
}

/**
 * The demo county's quarter on the cluster in `namespace`: a fresh database, the service
 * (SERVICE_WORKER=false) and two workers as processes, the figures submitted and the cycle
 * started over HTTP, `midCycle` run once the cycle has started, waited on until decided.
 */
async function runQuarter(namespace: string, midCycle: () => Promise<void> = async () => {}): Promise<CountyRun> {
  const database = await freshClusterDatabase(cluster, namespace);
  const env = {
    ...cluster.env,
    DATABASE_URL: database.url,
    TEMPORAL_NAMESPACE: namespace,
    TASK_QUEUE: namespace,
    LOG_LEVEL: 'warn',
  };
  const processes: RunningProcess[] = [];
  try {
    const service = await startServiceProcess(`service ${namespace}`, { ...env, SERVICE_WORKER: 'false', HTTP_PORT: '0', BUREAU_TOKEN: token });
    processes.push(service);
    // `info`: the ready line carries the worker's pid.
    const workers = await Promise.all([1, 2].map((n) => startWorkerProcess(`worker ${n} ${namespace}`, { ...env, LOG_LEVEL: 'info' })));
    processes.push(...workers);
    const workerPids = await Promise.all(workers.map(async (w) => (await w.waitFor(/"pid":(\d+).*worker polling task queue/))[1]!));

    const call = apiOf(() => service.apiUrl, token);
    for (const { submittedBy, figures } of demoSubmissions(communities)) {
      const department = await serviceToken(database.url, { role: 'department', subjectId: submittedBy });
      expect((await call('POST', '/api/metrics', { period: '2026-Q1', figures }, department)).status).toBeLessThan(300);
    }
    expect((await call('POST', '/api/cycles', { kind: 'quarterly', period: '2026-Q1' })).status).toBe(202);
    const statusBefore = (await call('GET', `/api/cycles/${cycleId}`)).body.status as string;
    await midCycle();
    await expect
      .poll(async () => (await call('GET', `/api/cycles/${cycleId}`)).body, { timeout: 180_000, interval: 1000 })
      .toMatchObject({ status: 'decided', execution: 'COMPLETED' });

    const decisions = await database.db.decision.findMany({
      where: { cycleId },
      select: { subjectType: true, subjectId: true, kind: true, type: true, amountFen: true, revision: true },
      orderBy: [{ subjectId: 'asc' }, { kind: 'asc' }],
    });
    const officers = (await database.db.officer.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((o) => o.id);
    return { statusBefore, officers, decisions, identities: await workerIdentities(namespace), workerPids };
  } finally {
    for (const p of processes) await p.kill('SIGTERM');
    await database.drop();
  }
}

async function workerIdentities(namespace: string): Promise<Set<string>> {
  const connection = await Connection.connect({ address: cluster.temporalAddress });
  try {
    const client = new Client({ connection, namespace });
    const identities = new Set<string>();
    for await (const execution of client.workflow.list()) {
      const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
      for (const event of history.events ?? []) {
        const identity = event.workflowTaskStartedEventAttributes?.identity ?? event.activityTaskStartedEventAttributes?.identity;
        if (identity) identities.add(identity);
      }
    }
    return identities;
  } finally {
    await connection.close();
  }
}

/** The decisions' natural keys (cycle, subject, kind, revision) that occur more than once. */
function duplicates(decisions: CountyRun['decisions']): string[] {
  const keys = decisions.map((d) => `${d.subjectId}/${d.kind}/${d.revision}`);
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

describe('the service on the local cluster (real Temporal server, PostgreSQL)', () => {
  let baseline: CountyRun;

  it("decides the demo county's quarter with the API in one process and the work shared by two worker processes: both ran tasks, one decision per office", async () => {
    baseline = await runQuarter(plain);
    const workersThatWorked = [...baseline.identities].map((identity) => identity.split('@')[0]);
    expect(workersThatWorked).toEqual(expect.arrayContaining(baseline.workerPids));
    expect(duplicates(baseline.decisions)).toEqual([]);
    // Every officer of the county its one subsidy; the community ranked last its two sanctions.
    const subsidised = baseline.decisions.filter((d) => d.kind === 'subsidy').map((d) => d.subjectId);
    expect(subsidised).toEqual(baseline.officers);
    expect(baseline.officers).toHaveLength(16);
    const sanctions = baseline.decisions.filter((d) => d.type === 'sanction');
    expect(sanctions.map((d) => d.kind).sort()).toEqual(['admonishment-talk', 'circulated-criticism']);
    expect(new Set(sanctions.map((d) => d.subjectType))).toEqual(new Set(['community']));
  });

  it('completes the cycle across a kill -9 and restart of the Temporal server mid-cycle: the same decisions by natural key, none twice, none missing', async () => {
    const run = await runQuarter(restarted, () => restartTemporalServer(cluster));
    expect(run.statusBefore).toBe('running');
    expect(duplicates(run.decisions)).toEqual([]);
    expect(run.decisions).toEqual(baseline.decisions);
  });
});

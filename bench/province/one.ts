// One configuration of the province benchmark (see bench/run.ts): seed, figures in over HTTP,
// every county's quarterly cycle started over HTTP, waited on until decided and followed up;
// its figures as one JSON line on stdout (the last), its progress on stderr.
import { rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import { createDb } from '../../src/db/client.js';
import { ensureNamespaces } from '../../scripts/cluster/namespaces.js';
import { adminUrl, clusterSettings, temporalAddress } from '../../scripts/cluster/settings.js';
import { inParallel, shedRequests, startCycle, submitFigures } from './http.js';
import { cpuOf, findProcesses, memoryOf, postgresMiB, postmasterOn, tree } from './proc.js';
import { startProcesses } from './processes.js';
import { freshDatabase, seedProvince } from './seed.js';
import { expectedFollowUps, histories, waitForDecisions, waitForFollowUps } from './wait.js';

function lastQuarter(now: Date): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}-Q4` : `${now.getUTCFullYear()}-Q${q}`;
}

const { values: flags } = parseArgs({
  options: {
    counties: { type: 'string', default: '100' },
    offices: { type: 'string', default: '100' },
    backend: { type: 'string', default: 'dev' },
    workers: { type: 'string', default: '1' },
    // The last quarter that has ended.
    period: { type: 'string', default: lastQuarter(new Date()) },
    // Requests in flight at once, as departments and bureaus across the province would send them.
    width: { type: 'string', default: '4' },
    // The local cluster of `npm run cluster -- up` (CLUSTER_PG_PORT, CLUSTER_TEMPORAL_PORT).
    'pg-admin': { type: 'string', default: adminUrl(clusterSettings()) },
    temporal: { type: 'string', default: temporalAddress(clusterSettings()) },
    namespace: { type: 'string' },
  },
});
const whole = (name: string, v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new Error(`--${name}: expected a whole number of at least 1, got "${v}"`);
  return Number(v);
};
const counties = whole('counties', flags.counties);
const offices = whole('offices', flags.offices);
const workers = whole('workers', flags.workers);
const width = whole('width', flags.width);
const backend = flags.backend;
if (backend !== 'dev' && backend !== 'cluster') throw new Error(`--backend: dev or cluster, got "${backend}"`);
// On the cluster a namespace of the run's own: cycle ids repeat from run to run, and a decided
// cycle's id is not started again in its namespace.
const namespace = flags.namespace ?? (backend === 'dev' ? 'default' : `bench-province-${Date.now()}`);
if (backend === 'cluster' && !flags.namespace) await ensureNamespaces(clusterSettings(), [namespace]);
const say = (line: string) => process.stderr.write(`[province ${backend}${backend === 'cluster' ? ` ×${workers}` : ''}] ${line}\n`);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

const { url, dir } = await freshDatabase(backend, flags['pg-admin']);
let t = performance.now();
const seeded = await seedProvince(url, counties, offices, flags.period.slice(0, 4));
say(`seeded ${counties} × ${offices} offices in ${seconds(performance.now() - t)} s`);
const taskQueue = `bench-province-${Date.now()}`;
const running = await startProcesses({ kind: backend, workers, temporalAddress: flags.temporal, namespace }, url, dir, taskQueue);
const connection = await Connection.connect({ address: running.temporalAddress });
const client = new Client({ connection, namespace });
const db = createDb(url);

// What is sampled while it runs: the shared machine's load, and the memory of the processes
// that are not this run's own (their peak since they started would include earlier runs).
const postmaster = backend === 'cluster' ? postmasterOn(Number(new URL(url).port || 5432)) : undefined;
const temporalServers = backend === 'cluster' ? findProcesses('.temporal/cluster/bin/server') : [];
const peaks = { load: 0, postgresMiB: 0, temporalMiB: 0 };
const sample = () => {
  peaks.load = Math.max(peaks.load, loadavg()[0]!);
  if (postmaster) peaks.postgresMiB = Math.max(peaks.postgresMiB, postgresMiB(postmaster));
  peaks.temporalMiB = Math.max(
    peaks.temporalMiB,
    temporalServers.reduce((s, pid) => s + memoryOf(pid).rssMiB, 0),
  );
};
const sampler = setInterval(sample, 1000);
const roots = () => [running.service.child.pid!, ...running.workers.map((w) => w.child.pid!), ...temporalServers, ...(postmaster ? [postmaster] : [])];
const cpu = () => roots().reduce((s, pid) => s + cpuOf(pid), 0);
// Where the CPU went: this run's node processes apart from the servers they started.
const cpuByPart = () => {
  const parts: Record<string, number> = {};
  const add = (k: string, v: number) => (parts[k] = (parts[k] ?? 0) + v);
  for (const pid of roots())
    for (const p of tree(pid)) {
      const own = p.cpu + (p.pid === postmaster ? p.childCpu : 0);
      if (p.comm === 'node' || p.comm.startsWith('tsx')) add(pid === running.service.child.pid ? 'service' : 'workers', own);
      else if (p.comm === 'postgres') add('PostgreSQL', own);
      else add('Temporal', own);
    }
  return parts;
};

try {
  const loadBefore = loadavg()[0]!;
  t = performance.now();
  let figures = 0;
  await inParallel(seeded, width, async (c) => {
    // Added after the await: `figures += await …` reads the sum before it and loses the other lanes' figures.
    const submitted = await submitFigures(running.apiUrl, c, flags.period);
    figures += submitted;
  });
  const figuresMs = performance.now() - t;
  say(`${figures} figures in over HTTP in ${seconds(figuresMs)} s (${shedRequests()} requests shed and sent again)`);

  const cpuBefore = cpu();
  const partsBefore = cpuByPart();
  t = performance.now();
  await inParallel(seeded, width, (c) => startCycle(running.apiUrl, c, flags.period));
  const startedMs = performance.now() - t;
  await waitForDecisions(db, counties, sample);
  const decidedMs = performance.now() - t;
  say(
    `${counties} cycles started in ${seconds(startedMs)} s, all decided after ${seconds(decidedMs)} s (${shedRequests()} requests shed and sent again in all)`,
  );
  const expected = await expectedFollowUps(db);
  await waitForFollowUps(client, db, taskQueue, expected, sample, (line) => say(`${line} (${seconds(performance.now() - t)} s)`));
  const doneMs = performance.now() - t;
  const cpuSeconds = cpu() - cpuBefore;
  const cpuSecondsBy = Object.fromEntries(Object.entries(cpuByPart()).map(([k, v]) => [k, Math.round(v - (partsBefore[k] ?? 0))]));
  say(`followed up after ${seconds(doneMs)} s (${expected.obligations} obligations, ${expected.jointNotices} joint notices)`);
  sample();

  const h = await histories(client, taskQueue);
  const nodePeak = (pid: number) =>
    Math.max(
      ...tree(pid)
        .filter((p) => p.comm === 'node' || p.comm.startsWith('tsx'))
        .map((p) => memoryOf(p.pid).peakMiB),
    );
  const memory: Record<string, number> = { service: nodePeak(running.service.child.pid!) };
  running.workers.forEach((w, i) => (memory[`worker ${i + 1}`] = nodePeak(w.child.pid!)));
  if (backend === 'dev') {
    const dev = tree(running.service.child.pid!).filter((p) => p.comm !== 'node' && !p.comm.startsWith('tsx'));
    memory['Temporal dev server'] = Math.max(0, ...dev.map((p) => memoryOf(p.pid).peakMiB));
  } else {
    memory['Temporal server'] = peaks.temporalMiB;
    memory.PostgreSQL = peaks.postgresMiB;
  }
  const sizes: Record<string, number> = {};
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  const fileSize = (f: string) => ['', '-wal'].reduce((s, x) => s + (statSync(f + x, { throwIfNoEntry: false })?.size ?? 0), 0);
  if (backend === 'dev') {
    sizes.app = mib(fileSize(`${dir}/app.db`));
    sizes.temporal = mib(fileSize(`${dir}/temporal.db`));
  } else {
    const admin = new pg.Client({ connectionString: flags['pg-admin'] });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string; size: string }>(
      `SELECT datname, pg_database_size(datname) AS size FROM pg_database WHERE datname = $1 OR datname LIKE 'temporal%'`,
      [new URL(url).pathname.slice(1)],
    );
    await admin.end();
    for (const r of rows) sizes[r.datname.startsWith('bench_') ? 'app' : r.datname] = mib(Number(r.size));
  }
  const officesTotal = counties * offices;
  console.log(
    JSON.stringify({
      backend,
      workers: backend === 'dev' ? 0 : workers,
      counties,
      offices: officesTotal,
      figures,
      shedAndSentAgain: shedRequests(),
      figuresSeconds: seconds(figuresMs),
      decidedSeconds: seconds(decidedMs),
      followedUpSeconds: seconds(doneMs),
      workflows: h.executions,
      workflowsPerSecond: Math.round((h.executions / doneMs) * 1000 * 10) / 10,
      events: h.events,
      eventsPerOffice: Math.round((h.events / officesTotal) * 10) / 10,
      wallMsPerOffice: Math.round((doneMs / officesTotal) * 10) / 10,
      cpuMsPerOffice: Math.round((cpuSeconds * 1000) / officesTotal),
      cpuSecondsBy,
      largestHistory: h.largest,
      byType: h.byType,
      obligations: expected.obligations,
      jointNotices: expected.jointNotices,
      memoryMiB: Object.fromEntries(Object.entries(memory).map(([k, v]) => [k, Math.round(v)])),
      databaseMiB: sizes,
      load: { before: Math.round(loadBefore * 100) / 100, peak: Math.round(peaks.load * 100) / 100 },
    }),
  );
} catch (err) {
  say(`failed; the service's last output:\n${running.service.output().slice(-3000)}`);
  throw err;
} finally {
  clearInterval(sampler);
  await db.$disconnect();
  await connection.close();
  await running.stop();
  if (backend === 'cluster') {
    const admin = new pg.Client({ connectionString: flags['pg-admin'] });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
  rmSync(dir, { recursive: true, force: true });
}

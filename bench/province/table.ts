// `npm run bench -- province [flags]`: with --backend, one configuration; without, the whole
// table — the dev server with SQLite, the cluster with PostgreSQL and 1, 2 and 4 worker processes —
// and the scaling curve over 1, 10 and 100 counties (cluster, one worker). Each configuration
// runs in its own process (one.ts) on a fresh database.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const one = fileURLToPath(new URL('one.ts', import.meta.url));

interface Result {
  backend: string;
  workers: number;
  counties: number;
  offices: number;
  figuresSeconds: number;
  decidedSeconds: number;
  followedUpSeconds: number;
  workflows: number;
  workflowsPerSecond: number;
  eventsPerOffice: number;
  wallMsPerOffice: number;
  cpuMsPerOffice: number;
  largestHistory: { workflowId: string; type: string; events: number };
  memoryMiB: Record<string, number>;
  databaseMiB: Record<string, number>;
  load: { before: number; peak: number };
}

function run(args: string[]): Result {
  const out = execFileSync(tsx, [one, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Result;
}

const args = process.argv.slice(2);
const given = (flag: string) => args.includes(`--${flag}`);
const without = (flag: string) => {
  const i = args.indexOf(`--${flag}`);
  return i < 0 ? args : [...args.slice(0, i), ...args.slice(i + 2)];
};
const name = (r: Result) =>
  r.backend === 'dev' ? 'dev server + SQLite, in-process worker' : `cluster + PostgreSQL, ${r.workers} worker${r.workers > 1 ? 's' : ''}`;
const memory = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
const sizes = (d: Record<string, number>) =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
const row = (r: Result) =>
  `| ${name(r)} | ${r.offices.toLocaleString('en')} | ${r.figuresSeconds} | ${r.decidedSeconds} | ${r.followedUpSeconds} | ${r.workflows.toLocaleString('en')} | ${r.workflowsPerSecond} | ${memory(r.memoryMiB)} | ${sizes(r.databaseMiB)} | ${r.largestHistory.events.toLocaleString('en')} (${r.largestHistory.type}) | ${r.load.before}–${r.load.peak} |`;
const header = [
  '| configuration | offices | figures in, s | decided, s | decided + followed up, s | workflows | workflows/s | peak memory, MiB | database, MiB | largest history, events | load (1-min, before–peak) |',
  '|---|---:|---:|---:|---:|---:|---:|---|---|---:|---|',
];

if (given('backend')) {
  const r = run(args);
  console.log([...header, row(r)].join('\n'));
  console.log(JSON.stringify(r));
} else {
  const started = Date.now();
  console.log(
    `Province benchmark, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at the start`,
  );
  const results = [run([...args, '--backend', 'dev']), ...[1, 2, 4].map((w) => run([...args, '--backend', 'cluster', '--workers', String(w)]))];
  console.log(['', ...header, ...results.map(row)].join('\n'));
  const base = without('counties');
  // 1, 10 and 100 counties (up to the table's own size, whose one-worker run is reused).
  const size = results[1]!.counties;
  const curve = [1, 10, 100].filter((c) => c < size).map((c) => run([...base, '--backend', 'cluster', '--workers', '1', '--counties', String(c)]));
  curve.push(results[1]!);
  console.log(
    [
      '',
      '| counties | offices | decided + followed up, s | wall ms per office | CPU ms per office (all processes) | events per office | workflows/s |',
      '|---:|---:|---:|---:|---:|---:|---:|',
      ...curve.map(
        (r) =>
          `| ${r.counties} | ${r.offices.toLocaleString('en')} | ${r.followedUpSeconds} | ${r.wallMsPerOffice} | ${r.cpuMsPerOffice} | ${r.eventsPerOffice} | ${r.workflowsPerSecond} |`,
      ),
    ].join('\n'),
  );
  console.log(`\nAll configurations in ${Math.round((Date.now() - started) / 60_000)} min.`);
}

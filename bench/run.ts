// `npm run bench [-- part …]`: each figure is the median of several runs, each run its own process.
// The parts, all unless some are named:
//  decision   the decision pass against raw json-rules-engine at 1,000 / 10,000 / 100,000 offices;
//  cycle      one real quarterly cycle of the demo county on a Temporal dev server;
//  rules      rule-set validation and back-testing;
//  console    the console's JavaScript (gzip) and the ranking page's time to render in Chromium;
//  load       mixed API load on one service process on SQLite: 200 requests/s, then 4× (shed);
//  load-kinds the service's CPU per request for each kind of the load's requests, sent alone;
//  register-rates  both derived register rates of a county (100 communities, 100,000 persons,
//             2,000 key persons) at a period's end, as the cycle's activity derives them, on
//             SQLite and PostgreSQL;
//  register-import  a county's 100,000 persons imported (10 communities, one file each) on SQLite
//             and PostgreSQL, CSV and XLSX, and the same files again (nothing to write);
//  province   only when named, with its own flags after it (bench/province/table.ts): a province's
//             quarter on the dev server and on the local cluster.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadScenarioResult, LoadSummary } from './load/scenario.js';

const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const parts = ['decision', 'cycle', 'rules', 'console', 'load', 'load-kinds', 'register-rates', 'register-import'];
// The province runs for tens of minutes and takes flags of its own: it runs alone.
if (process.argv[2] === 'province') {
  execFileSync(tsx, [here('province/table.ts'), ...process.argv.slice(3)], { stdio: 'inherit' });
  process.exit(0);
}
const named = process.argv.slice(2);
const unknown = named.filter((p) => !parts.includes(p));
if (unknown.length) throw new Error(`npm run bench: unknown part ${unknown.join(', ')}; the parts are ${parts.join(', ')}`);
const wanted = (part: string) => named.length === 0 || named.includes(part);

function measure<T = Record<string, number>>(script: string, args: string[]): T {
  const out = execFileSync(tsx, [here(script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toFixed(digits);

if (wanted('decision')) {
  console.log(`Decision pass vs raw json-rules-engine engine.run, median of ${runs} runs (each its own process)`);
  console.log('| offices | decision pass ms | raw engine ms | ratio | decision pass peak MiB | raw peak MiB |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  for (const n of sizes) {
    const core: Record<string, number>[] = [];
    const raw: Record<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      core.push(measure('decisionPass.ts', [String(n), 'core']));
      raw.push(measure('decisionPass.ts', [String(n), 'raw']));
    }
    const ratio = median(core.map((c, i) => c.wallMs! / raw[i]!.wallMs!));
    console.log(
      `| ${n.toLocaleString('en')} | ${fmt(median(core.map((c) => c.wallMs!)))} | ${fmt(median(raw.map((r) => r.wallMs!)))} | ${fmt(ratio, 2)}× | ${fmt(median(core.map((c) => c.peakRssMiB!)))} | ${fmt(median(raw.map((r) => r.peakRssMiB!)))} |`,
    );
  }
}

if (wanted('cycle') && process.env.BENCH_SKIP_CYCLE !== '1') {
  const cycles = Array.from({ length: runs }, () => measure('cycle.ts', []).cycleWallMs!);
  console.log(
    `\nOne quarterly cycle of the demo county on a Temporal dev server (HTTP in, worker, HTTP out): median ${median(cycles)} ms over ${runs} runs (${cycles.join(', ')})`,
  );
}

if (wanted('rules')) {
  const validations = Array.from({ length: runs }, () => measure('validation.ts', ['500']));
  const [v] = validations;
  console.log(
    `\nValidation of a ${v!.bytes.toLocaleString('en')}-byte rule set (${v!.rules} rules), 500 validations per run: p99 ${fmt(median(validations.map((x) => x.p99Ms!)), 1)} ms, p50 ${fmt(median(validations.map((x) => x.p50Ms!)), 1)} ms (median of ${runs} runs; target p99 < 20 ms)`,
  );
  const backtests = Array.from({ length: runs }, () => measure('backtest.ts', ['10000']));
  console.log(
    `Back-test of four quarters and the year of 10,000 offices (re-decide under the candidate, compare): median ${fmt(median(backtests.map((x) => x.wallMs!)))} ms, peak ${fmt(median(backtests.map((x) => x.peakRssMiB!)))} MiB over ${runs} runs`,
  );
}

if (wanted('console')) {
  const size = measure('consoleSize.ts', []);
  const kb = (bytes: number) => `${fmt(bytes / 1000, 1)} KB`;
  console.log(
    `\nConsole JavaScript (web/ built afresh): the first page loads ${size.firstPageChunks} ${size.firstPageChunks === 1 ? 'chunk' : 'chunks'}, ${kb(size.firstPageGzipBytes!)} gzip (${kb(size.firstPageRawBytes!)} raw; target < 500 KB gzip); all ${size.chunks} chunks ${kb(size.totalGzipBytes!)} gzip (${kb(size.totalRawBytes!)} raw)`,
  );
  const offices = 200;
  const render = measure<{ path: string; coldMs: number; coldDataMs: number; warmMs: number[]; warmDataMs: number[] }>('consoleRender.ts', [
    String(offices),
    String(runs),
  ]);
  const warm = render.warmMs;
  console.log(
    `Console page ${render.path} of a county of ${offices} offices in headless Chromium, navigation start to rendered rows: cold ${render.coldMs} ms (its last API answer in at ${render.coldDataMs} ms), then warm median ${median(warm)} ms (${median(render.warmDataMs)} ms) over ${runs} runs (${warm.join(', ')}) (target < 1 s)`,
  );
}

if (wanted('load')) {
  // One run: minutes of load are their own repetition.
  const r = measure<LoadScenarioResult>('load/bench.ts', []);
  const line = (s: LoadSummary) =>
    `${s.rate} requests/s for ${s.seconds} s: p50 ${s.p50Ms} ms, p95 ${s.p95Ms} ms, p99 ${s.p99Ms} ms (taken on: p95 ${s.acceptedP95Ms} ms); ` +
    `statuses ${JSON.stringify(s.statuses)}; ${s.timeouts} timeouts, ${s.errors} errors; service CPU ${s.serviceCpuMsPerRequest} ms per request; generator up to ${s.maxLateMs} ms late\n` +
    (s.warmUp.sent ? `           the generator's warm-up, not judged: ${s.warmUp.sent} requests, ${JSON.stringify(s.warmUp.statuses)}\n` : '') +
    `           shed by second of the run: ${JSON.stringify(s.shedBySecond)}\n` +
    `           timed out by second of the run: ${JSON.stringify(s.timedOutBySecond)}; by kind: ${JSON.stringify(
      Object.fromEntries(Object.entries(s.kinds).flatMap(([k, statuses]) => (statuses.timeout ? [[k, statuses.timeout]] : []))),
    )}\n` +
    `           p95 by kind (taken on): ${Object.entries(s.kindP95Ms)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`;
  console.log(
    `\nAPI load on one service process on SQLite (open model, 5-s client timeout; 1-min load average ${fmt(r.loadAverage.before, 1)} → ${fmt(r.loadAverage.after, 1)} on 2 cores)`,
  );
  console.log(`  warm-up  ${line(r.warmUp)}`);
  console.log(`  steady   ${line(r.steady)}`);
  console.log(`  4×       ${line(r.overload)}`);
  console.log(
    `  afterwards /readyz ${r.afterwards.readyz}, GET /api/session ${r.afterwards.session} in ${r.afterwards.sessionMs} ms; SQLITE_BUSY lines: ${r.busyLines.length}`,
  );
}

if (wanted('load-kinds')) {
  console.log('');
  execFileSync(tsx, [here('load/perKind.ts')], { stdio: ['ignore', 'inherit', 'ignore'] });
}

if (wanted('register-rates')) {
  const size = ['100', '100000', '2000'];
  console.log(
    `\nBoth derived register rates of a county of 100 communities, 100,000 persons and 2,000 key persons at a period's end (the cycle's activity: read, derive, store), median of ${runs} runs (target < 1,000 ms)`,
  );
  console.log('| database | read, derive, store ms | reading ms | deriving ms | peak MiB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const provider of ['sqlite', 'postgresql']) {
    const rates = Array.from({ length: runs }, () => measure('registerRates.ts', [provider, ...size]));
    console.log(
      `| ${provider} | ${fmt(median(rates.map((x) => x.deriveMs!)))} | ${fmt(median(rates.map((x) => x.readMs!)))} | ${fmt(median(rates.map((x) => x.computeMs!)))} | ${fmt(median(rates.map((x) => x.peakRssMiB!)))} |`,
    );
  }
}

if (wanted('register-import')) {
  console.log(`\nImporting a county's 100,000 persons (10 communities, a file each), median of ${runs} runs (each its own process)`);
  console.log('| database | file | import ms | rows/s | same files again ms |');
  console.log('|---|---|---:|---:|---:|');
  for (const provider of ['sqlite', 'postgresql']) {
    for (const format of ['csv', 'xlsx']) {
      const r = Array.from({ length: runs }, () => measure('registerImport.ts', [provider, format]));
      console.log(
        `| ${provider} | ${format} | ${fmt(median(r.map((x) => x.firstMs!)))} | ${fmt(median(r.map((x) => x.rowsPerSecond!)))} | ${fmt(median(r.map((x) => x.againMs!)))} |`,
      );
    }
  }
}

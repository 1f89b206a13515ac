// `npm run bench`: each figure is the median of several runs, each run its own process.
//  1. the decision pass against raw json-rules-engine at 1,000 / 10,000 / 100,000 offices;
//  2. one real quarterly cycle of the demo county on a Temporal dev server.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);

function measure(script: string, args: string[]): Record<string, number> {
  const out = execFileSync(tsx, [here(script), ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toFixed(digits);

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

if (process.env.BENCH_SKIP_CYCLE !== '1') {
  const cycles = Array.from({ length: runs }, () => measure('cycle.ts', []).cycleWallMs!);
  console.log(
    `\nOne quarterly cycle of the demo county on a Temporal dev server (HTTP in, worker, HTTP out): median ${median(cycles)} ms over ${runs} runs (${cycles.join(', ')})`,
  );
}

const validations = Array.from({ length: runs }, () => measure('validation.ts', ['500']));
const [v] = validations;
console.log(
  `\nValidation of a ${v!.bytes.toLocaleString('en')}-byte rule set (${v!.rules} rules), 500 validations per run: p99 ${fmt(median(validations.map((x) => x.p99Ms!)), 1)} ms, p50 ${fmt(median(validations.map((x) => x.p50Ms!)), 1)} ms (median of ${runs} runs; target p99 < 20 ms)`,
);
const backtests = Array.from({ length: runs }, () => measure('backtest.ts', ['10000']));
console.log(
  `Back-test of four quarters and the year of 10,000 offices (re-decide under the candidate, compare): median ${fmt(median(backtests.map((x) => x.wallMs!)))} ms, peak ${fmt(median(backtests.map((x) => x.peakRssMiB!)))} MiB over ${runs} runs`,
);

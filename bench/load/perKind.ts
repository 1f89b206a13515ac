// `npm run bench -- load-kinds`: the service's CPU for each kind of the load's requests, sent alone
// and a few at a time (closed loop), on a quiet service: which request costs what, so that the
// work on the API's throughput goes where the CPU goes. Prints a table and one JSON line.
import { withOwnDevServer } from './benchEnv.js';
import { groupCpuMs } from './cpu.js';
import { requestKinds, sendRequest, type Request } from './mix.js';
import { quiet, startLoadService } from './scenario.js';

const perKind = Number(process.env.BENCH_LOAD_KIND_REQUESTS ?? 400);
const concurrency = 2;
/** BENCH_LOAD_KINDS=visits,figures: only these kinds. */
const only = process.env.BENCH_LOAD_KINDS?.split(',');

/** `count` requests of one kind, `concurrency` at a time; the statuses seen. */
async function sendMany(apiUrl: string, make: () => Request, count: number): Promise<Set<number>> {
  const statuses = new Set<number>();
  let left = count;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) {
        const res = await sendRequest(apiUrl, make());
        await res.arrayBuffer();
        statuses.add(res.status);
      }
    }),
  );
  return statuses;
}

await withOwnDevServer('bench-load-kinds', { port: 17244, uiPort: 18244 }, async (env) => {
  const { service, population, close } = await startLoadService(env);
  try {
    const rows: { kind: string; weight: number; cpuMsPerRequest: number; statuses: number[] }[] = [];
    for (const { kind, weight, make } of requestKinds(population).filter((k) => !only || only.includes(k.kind))) {
      await sendMany(service.apiUrl, make, 50); // warm: plans, statements, the JIT
      await quiet(service.child.pid!);
      const before = groupCpuMs(service.child.pid!);
      const statuses = await sendMany(service.apiUrl, make, perKind);
      // The worker's own work for these requests (a visit's signal, a figure's chase) lands later.
      await new Promise((r) => setTimeout(r, 1000));
      rows.push({ kind, weight, cpuMsPerRequest: Math.round(((groupCpuMs(service.child.pid!) - before) / perKind) * 100) / 100, statuses: [...statuses] });
    }
    const mixCpuMs = rows.reduce((s, r) => s + r.weight * r.cpuMsPerRequest, 0) / rows.reduce((s, r) => s + r.weight, 0);
    console.log(`Service CPU per request, by kind (${perKind} each, ${concurrency} at a time, after 50 to warm up)`);
    console.log('| kind | share of the mix | CPU ms per request | statuses |\n|---|---:|---:|---|');
    for (const r of rows) console.log(`| ${r.kind} | ${r.weight} % | ${r.cpuMsPerRequest.toFixed(2)} | ${r.statuses.join(', ')} |`);
    console.log(`| the mix | 100 % | ${mixCpuMs.toFixed(2)} | |`);
    console.log(JSON.stringify({ rows, mixCpuMs: Math.round(mixCpuMs * 100) / 100 }));
  } finally {
    await close();
  }
});

// `npm run bench -- load`: the load scenario on a dev server of its own; prints its result as JSON.
// BENCH_LOAD_RATE (200 requests/s), BENCH_LOAD_SECONDS (300) and BENCH_LOAD_OVERLOAD_SECONDS (60);
// BENCH_LOAD_SERVICE_NODE_OPTIONS goes to the service process alone (`--cpu-prof --cpu-prof-dir=…`).
import { withOwnDevServer } from './benchEnv.js';
import { loadScenario } from './scenario.js';

const result = await withOwnDevServer('bench-load', { port: 17243, uiPort: 18243 }, (env) =>
  loadScenario({
    env,
    rate: Number(process.env.BENCH_LOAD_RATE ?? 200),
    steadySeconds: Number(process.env.BENCH_LOAD_SECONDS ?? 300),
    overloadSeconds: Number(process.env.BENCH_LOAD_OVERLOAD_SECONDS ?? 60),
    timeoutMs: 5000,
  }),
);
console.log(JSON.stringify(result));

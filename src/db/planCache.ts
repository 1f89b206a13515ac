// Prisma 6.19 compiles every query to a plan in WebAssembly, anew each time: under API load that
// compiling was the largest single cost of a request (a fifth of the service's CPU at 100
// requests/s). The same query text (the model, the action and the arguments, values included)
// always compiles to the same plan, and the API asks the same reads again and again (a county's
// communities, a cycle's evaluations, one recipient's notices), so each client runtime keeps the
// plans of its recent queries. Plans are shared, so they are frozen: the interpreter only reads
// them, and were that ever to change, a write to one would throw instead of leaking into the next
// query.
import { createRequire } from 'node:module';

interface Compiler {
  compile(query: string): unknown;
  compileBatch(batch: string): unknown;
}

/** Plans kept per runtime (0: none); a query's text longer than this is not kept (bulk writes). */
export const planCacheLimits = { entries: 2000, queryChars: 8192 };

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** `compile` answering from a map of the latest plans, oldest dropped first. */
function cached(compile: (this: Compiler, query: string) => unknown): (this: Compiler, query: string) => unknown {
  const plans = new Map<string, unknown>();
  return function (query) {
    if (query.length > planCacheLimits.queryChars || planCacheLimits.entries === 0) return compile.call(this, query);
    const hit = plans.get(query);
    if (hit !== undefined) {
      // Moved to the newest end, so the map drops the least recently used.
      plans.delete(query);
      plans.set(query, hit);
      return hit;
    }
    const plan = deepFreeze(compile.call(this, query));
    if (plans.size >= planCacheLimits.entries) plans.delete(plans.keys().next().value!);
    plans.set(query, plan);
    return plan;
  };
}

const require = createRequire(import.meta.url);
for (const runtime of ['../generated/sqlite/query_compiler_bg.js', '../generated/postgresql/query_compiler_bg.js']) {
  const { prototype } = (require(runtime) as { QueryCompiler: { prototype: Compiler } }).QueryCompiler;
  prototype.compile = cached(prototype.compile);
  prototype.compileBatch = cached(prototype.compileBatch);
}

// A worker like worker.ts with a crash point, for the fault tests only: once the first attempt of
// an activity whose type CRASH_AT names has done its work (its transaction committed) and before
// Temporal hears of it, the process kills itself with SIGKILL — while the type's budget lasts.
// Only first attempts die: a retry's wait then is the activity's timeout plus the first backoff
// (2 s), which is what the test measures, not a backoff grown by earlier kills. And a worker dies
// only while another is running to take its work over (not while its replacement still starts). The budget and the
// record of starts and kills live in CRASH_DIR, shared by every worker the test starts.
import type { Context } from '@temporalio/activity';
import { DefaultLogger, Runtime, type ActivityExecuteInput, type ActivityInboundCallsInterceptor, type Next } from '@temporalio/worker';
import { loadConfig } from '../../../src/config.js';
import { createDb } from '../../../src/db/client.js';
import { connectWorker } from '../../../src/temporal/connect.js';
import { createWorker } from '../../../src/temporal/worker.js';
import { anotherAlive, claimKill, crashBudgets, markAlive, recordStart, type Attempt } from './crashPoints.js';

Runtime.install({ logger: new DefaultLogger('WARN') });

const dir = process.env.CRASH_DIR;
if (!dir) throw new Error('CRASH_DIR: the directory shared with the test is not set');
const budgets = crashBudgets(process.env.CRASH_AT ?? '');

class CrashPoint implements ActivityInboundCallsInterceptor {
  constructor(private readonly ctx: Context) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const { activityType: type, workflowExecution, activityId, attempt } = this.ctx.info;
    const budget = budgets.get(type);
    if (budget === undefined) return next(input);
    const of = (): Attempt => ({ type, workflowId: workflowExecution?.workflowId ?? '', activityId, attempt, pid: process.pid, at: Date.now() });
    recordStart(dir!, of());
    const result = await next(input);
    if (attempt === 1 && anotherAlive(dir!) && claimKill(dir!, budget, of())) process.kill(process.pid, 'SIGKILL');
    return result;
  }
}

const config = loadConfig();
const connection = await connectWorker(config);
const db = createDb(config.databaseUrl, config.database);
const worker = await createWorker(connection, config, db, undefined, {
  identity: `crashing-worker-${process.pid}`,
  interceptors: { activity: [(ctx) => ({ inbound: new CrashPoint(ctx) })] },
});
console.log(`worker polling task queue ${config.taskQueue} (pid ${process.pid}, crashing at ${[...budgets.keys()].join(', ') || 'nothing'})`);
markAlive(dir);
await worker.run();

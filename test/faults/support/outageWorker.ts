// `npm run worker` with an outage point, for the database-outage fault tests: when the activity
// named by OUTAGE_ACTIVITY first starts, the worker prints `outage point: <activity>` and holds it
// until the file OUTAGE_GO exists, so the test takes the database away at that very moment and the
// activity then runs into the outage. Everything else is the real worker.
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfig } from '../../../src/config.js';
import { createDb } from '../../../src/db/client.js';
import { connectWorker } from '../../../src/temporal/connect.js';
import { createWorker } from '../../../src/temporal/worker.js';

Runtime.install({ logger: new DefaultLogger('WARN') });

const activity = process.env.OUTAGE_ACTIVITY;
const go = process.env.OUTAGE_GO;
if (!activity || !go) throw new Error('OUTAGE_ACTIVITY and OUTAGE_GO are required');

const config = loadConfig();
const connection = await connectWorker(config);
const db = createDb(config.databaseUrl, config.database);
let reached = false;
const worker = await createWorker(connection, config, db, undefined, {
  interceptors: {
    activity: [
      (ctx) => ({
        inbound: {
          async execute(input, next) {
            if (!reached && ctx.info.activityType === activity) {
              reached = true;
              console.log(`outage point: ${activity}`);
              while (!existsSync(go)) await sleep(50);
            }
            return next(input);
          },
        },
      }),
    ],
  },
});
console.log(`worker polling task queue ${config.taskQueue}`);
await worker.run();
await connection.close();
await db.$disconnect();

// A worker alone, for running more of them on more machines against one Temporal cluster and
// one database; several on one task queue share its work. Without TEMPORAL_ADDRESS it joins the
// dev server that `npm start` runs.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createLogger } from './src/api/log.js';
import { ConfigError, loadConfig } from './src/config.js';
import { createDb } from './src/db/client.js';
import { createWorker } from './src/temporal/worker.js';
import { connectWorker, workerAddress } from './src/temporal/connect.js';

// The SDK keeps its own SIGINT/SIGTERM handling here (drain, then stop); its routine logging stays below warnings.
Runtime.install({ logger: new DefaultLogger('WARN') });

try {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel });
  const connection = await connectWorker(config);
  const db = createDb(config.databaseUrl, config.database);
  const worker = await createWorker(connection, config, db);
  log.info({ taskQueue: config.taskQueue, pid: process.pid }, `worker polling task queue ${config.taskQueue} on ${workerAddress(config)}`);
  await worker.run();
  await connection.close();
  await db.$disconnect();
} catch (err) {
  const log = createLogger();
  if (err instanceof ConfigError) log.fatal(`configuration: ${err.message}`);
  else log.fatal({ err }, 'the worker could not start');
  process.exit(1);
}

// `npm start`: the whole service on one machine.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createLogger } from './api/log.js';
import { ConfigError, loadConfig } from './config.js';
import { startService } from './service.js';

// This process shuts down in order itself (HTTP, worker, Temporal, database), so the SDK gets
// no signals of its own; its routine logging stays below warnings.
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

/** A database URL without its password, for the log. */
function withoutPassword(url: string): string {
  if (!/^postgres(ql)?:/.test(url)) return url;
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

try {
  const config = loadConfig();
  const service = await startService(config);
  const log = service.log;
  log.info({ url: `${service.apiUrl}/api` }, `HTTP API      ${service.apiUrl}/api (reference: ${service.apiUrl}/api/docs)`);
  log.info(
    { address: service.temporalAddress, namespace: config.temporal.namespace, taskQueue: config.taskQueue },
    `Temporal      ${service.temporalAddress} (namespace ${config.temporal.namespace}, task queue ${config.taskQueue})`,
  );
  if (service.temporalUi) log.info({ url: service.temporalUi }, `Temporal UI   ${service.temporalUi}`);
  const database = withoutPassword(config.databaseUrl);
  log.info(
    { database, migrationsApplied: service.migrationsApplied },
    `Database      ${database}${service.migrationsApplied.length ? ` (applied ${service.migrationsApplied.join(', ')})` : ''}`,
  );
  if (service.seeded) log.info('Seeded the demo county demo (10 communities, 16 officers, 3 stations).');
  if (service.deletedSchedules.length)
    log.info({ deleted: service.deletedSchedules }, `Schedules     deleted those without a county: ${service.deletedSchedules.join(', ')}`);
  log.info({ counties: service.counties.length, timeZone: config.timeZone }, `Counties      ${service.counties.length} (Schedules in ${config.timeZone})`);
  // A province of synthetic counties would fill the screen: the first few, then a count.
  const shown = 10;
  for (const c of service.counties.slice(0, shown)) {
    const ids = c.schedules.map((id) => id.slice(config.taskQueue.length + 1));
    log.info({ county: c.id, schedules: c.schedules }, `  ${c.id} ${c.name}: ${ids.join(', ')}`);
  }
  if (service.counties.length > shown) log.info(`  … and ${service.counties.length - shown} more (npm run counties -- list)`);
  if (service.counties.length === 0) log.info('  none: npm run counties -- add <id> <name>');
  // The one secret ever printed, once, for the first sign-in: to the terminal, never into the log.
  if (service.bureauToken) process.stdout.write(`Bureau API token (shown once; bureau staff of county demo): ${service.bureauToken}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  const log = createLogger();
  if (err instanceof ConfigError) log.fatal(`configuration: ${err.message}`);
  else log.fatal({ err }, 'the service could not start');
  process.exit(1);
}

// `npm start`: the whole service on one machine.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from './config.js';
import { startService } from './service.js';

// This process shuts down in order itself (HTTP, worker, Temporal, database), so the SDK gets
// no signals of its own; its routine logging stays below warnings.
Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });

try {
  const config = loadConfig();
  const service = await startService(config);
  console.log(`HTTP API      ${service.apiUrl}/api`);
  console.log(`Temporal      ${service.temporalAddress} (namespace ${config.temporal.namespace}, task queue ${config.taskQueue})`);
  if (service.temporalUi) console.log(`Temporal UI   ${service.temporalUi}`);
  console.log(`Database      ${config.databaseUrl}${service.migrationsApplied.length ? ` (applied ${service.migrationsApplied.join(', ')})` : ''}`);
  if (service.seeded) console.log('Seeded the demo county demo (10 communities, 16 officers, 3 stations).');
  if (service.deletedSchedules.length) console.log(`Schedules     deleted those without a county: ${service.deletedSchedules.join(', ')}`);
  console.log(`Counties      ${service.counties.length} (Schedules in ${config.timeZone})`);
  // A province of synthetic counties would fill the screen: the first few, then a count.
  const shown = 10;
  for (const c of service.counties.slice(0, shown)) {
    const ids = c.schedules.map((id) => id.slice(config.taskQueue.length + 1));
    console.log(`  ${c.id} ${c.name}: ${ids.join(', ')}`);
  }
  if (service.counties.length > shown) console.log(`  … and ${service.counties.length - shown} more (npm run counties -- list)`);
  if (service.counties.length === 0) console.log('  none: npm run counties -- add <id> <name>');
  if (service.bureauToken) console.log(`Bureau API token (shown once; bureau staff of county demo): ${service.bureauToken}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  console.error(err instanceof ConfigError ? `configuration: ${err.message}` : err);
  process.exit(1);
}

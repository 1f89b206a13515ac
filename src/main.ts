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
  console.log(`Schedules     ${service.schedules.join(', ')} (${config.timeZone})`);
  if (service.seeded) console.log('Seeded the demo county (10 communities, 16 officers).');
  if (service.bureauToken) console.log(`Bureau API token (shown once): ${service.bureauToken}`);
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

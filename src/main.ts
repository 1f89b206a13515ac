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
  const database = withoutPassword(config.databaseUrl);
  // For the person who ran `npm start`, plain lines; for log collectors, one structured line.
  const shown = 10;
  const banner = [
    `Console       ${service.apiUrl}/`,
    `HTTP API      ${service.apiUrl}/api (reference: ${service.apiUrl}/api/docs)`,
    `Temporal      ${service.temporalAddress} (namespace ${config.temporal.namespace}, task queue ${config.taskQueue})`,
    ...(service.temporalUi ? [`Temporal UI   ${service.temporalUi}`] : []),
    `Database      ${database}${service.migrationsApplied.length ? ` (applied ${service.migrationsApplied.join(', ')})` : ''}`,
    ...(service.seeded ? ['Seeded the demo county demo (10 communities, 16 officers, 3 stations).'] : []),
    ...(service.deletedSchedules.length ? [`Schedules     deleted those without a county: ${service.deletedSchedules.join(', ')}`] : []),
    `Counties      ${service.counties.length} (Schedules in ${config.timeZone})`,
    // A province of synthetic counties would fill the screen: the first few, then a count.
    ...service.counties.slice(0, shown).map((c) => `  ${c.id} ${c.name}: ${c.schedules.map((id) => id.slice(config.taskQueue.length + 1)).join(', ')}`),
    ...(service.counties.length > shown ? [`  … and ${service.counties.length - shown} more (npm run counties -- list)`] : []),
    ...(service.counties.length === 0 ? ['  none: npm run counties -- add <id> <name>'] : []),
    // The one secret ever printed, once, for the first sign-in: to the terminal, never into the log.
    ...(service.firstInvitation
      ? [
          `First sign-in (shown once): open ${service.apiUrl}/, tab 接受邀请, code ${service.firstInvitation.code}` +
            ` (user ${service.firstInvitation.userId}, bureau staff of demo; valid until ${service.firstInvitation.expiresAt.toISOString()})`,
        ]
      : []),
    ...(service.bureauToken ? [`Bureau API token (shown once; bureau staff of county demo): ${service.bureauToken}`] : []),
  ];
  process.stdout.write(`${banner.join('\n')}\n`);
  log.info(
    {
      api: `${service.apiUrl}/api`,
      temporal: { address: service.temporalAddress, namespace: config.temporal.namespace, taskQueue: config.taskQueue, ui: service.temporalUi },
      database,
      migrationsApplied: service.migrationsApplied,
      seeded: service.seeded,
      deletedSchedules: service.deletedSchedules,
      counties: service.counties.map((c) => ({ id: c.id, schedules: c.schedules })),
      timeZone: config.timeZone,
    },
    'service started',
  );
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

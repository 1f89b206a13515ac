// `npm start` as a function: database (migrated; the demo county seeded into an empty one),
// Temporal, worker, every county's Schedules and the HTTP API, and one stop() that takes them
// down in reverse order. A county added while the service runs gets its Schedules at the next start.
import type { Server } from 'node:http';
import type { Config } from './config.js';
import { createApp } from './api/app.js';
import { createLogger, type Logger } from './api/log.js';
import { createDb } from './db/client.js';
import { migrate } from './db/migrate.js';
import { ensureDefaultRuleSet } from './db/ruleSets.js';
import { seedDemoCounty } from './db/seed.js';
import { demoCountyRecord } from './db/demo-county.js';
import { firstClerk, inviteFirstClerk } from './accounts/firstClerk.js';
import { createTemporalCycles } from './cycles/temporal.js';
import { createTemporalSignals } from './temporal/signals.js';
import { channelsOf } from './notices/configuredChannels.js';
import { connectTemporal } from './temporal/connect.js';
import { registerSchedules } from './temporal/schedules.js';
import { createWorker } from './temporal/worker.js';
import { loadPersonalDataKey, personalDataCipher } from './register/personalData.js';
import { failAbandonedImports } from './register/imports.js';

export interface RunningService {
  apiUrl: string;
  temporalAddress: string;
  temporalUi?: string;
  migrationsApplied: string[];
  seeded: boolean;
  /** Only when this start created the bureau's API user. */
  bureauToken?: string;
  /** Only when this start seeded the demo county: the first clerk's one-time invitation for the console. */
  firstInvitation?: { userId: string; code: string; expiresAt: Date };
  /** Every county with its Schedules, registered (or brought up to date) by this start. */
  counties: { id: string; name: string; schedules: string[] }[];
  /** Every Schedule id, of all counties. */
  schedules: string[];
  /** The JSON logger the API writes to, at LOG_LEVEL. */
  log: Logger;
  /** Schedules without a county, of the release before counties, deleted by this start. */
  deletedSchedules: string[];
  stop(): Promise<void>;
}

export async function startService(config: Config, clock: () => Date = () => new Date()): Promise<RunningService> {
  const log = createLogger({ level: config.logLevel });
  const migrationsApplied = await migrate(config.databaseUrl);
  const db = createDb(config.databaseUrl, config.database);
  const seed = await seedDemoCounty(db, { today: clock().toISOString().slice(0, 10), token: config.bureauToken });
  const invitation = seed.seeded ? await inviteFirstClerk(db, demoCountyRecord.id, clock()) : undefined;
  // Register imports a stopped process left running long ago are marked failed (src/register/imports.ts).
  await failAbandonedImports({ db, now: clock });
  const counties = await db.county.findMany({ orderBy: { id: 'asc' }, select: { id: true, name: true } });
  // Every county has its rule set: one upgraded from before counties has its own versions already.
  for (const { id } of counties) await ensureDefaultRuleSet(db, id);
  const temporal = await connectTemporal(config);
  const { client } = temporal;
  // Before the worker runs: a Schedule of the release before counties is gone before it could fire.
  const registered = await registerSchedules(
    client,
    config.taskQueue,
    config.timeZone,
    counties.map((c) => c.id),
  );
  // Without its own worker (SERVICE_WORKER=false) the process serves the API and keeps the
  // Schedules; `npm run worker` processes do the work.
  const worker = config.serviceWorker ? await createWorker(temporal.nativeConnection, config, db, clock) : undefined;
  const workerRun = worker?.run();
  // Any answer from the frontend will do; the deadline keeps /readyz from hanging on a dead cluster.
  const temporalProbe = async () => {
    await client.connection.withDeadline(Date.now() + 3_000, () => client.workflowService.getSystemInfo({}));
  };
  const app = createApp({
    db,
    cycles: createTemporalCycles(client, config.taskQueue, db),
    signals: createTemporalSignals(client, config.taskQueue, channelsOf(config.channels).length > 0, log),
    clock,
    timeZone: config.timeZone,
    temporalProbe,
    accounts: config.accounts,
    logger: log,
    overload: config.overload,
    authCacheMs: config.authCacheMs,
    personalData: personalDataCipher(loadPersonalDataKey(config.personalData)),
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen({ port: config.http.port, host: config.http.host, backlog: config.http.backlog }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;

  return {
    apiUrl: `http://${config.http.host}:${port}`,
    temporalAddress: temporal.address,
    temporalUi: temporal.uiAddress,
    migrationsApplied,
    seeded: seed.seeded,
    bureauToken: seed.token,
    firstInvitation: invitation && { userId: firstClerk.id, code: invitation.code, expiresAt: invitation.expiresAt },
    counties: counties.map((c) => ({ id: c.id, name: c.name, schedules: registered.byCounty[c.id] ?? [] })),
    schedules: Object.values(registered.byCounty).flat(),
    deletedSchedules: registered.deleted,
    log,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The worker may already be draining: SDK runtimes that own the signals start that themselves.
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
      await temporal.close();
      await db.$disconnect();
    },
  };
}

// `npm run cluster -- up` as a function (the fault tests call it too): every step idempotent,
// so running it on a cluster that is up only checks it and reports the same settings.
import { ensureBinaries, moduleSource } from './binaries.js';
import { ensureNamespaces } from './namespaces.js';
import { ensureDatabase, startPostgres } from './postgres.js';
import { ensureSchemas } from './schema.js';
import { writeServerConfig } from './serverConfig.js';
import { serverProcesses, startServer, waitForFrontend, type ServerProcess } from './server.js';
import { adminUrl, clusterSettings, defaultNamespace, roles, serviceEnv, temporalAddress, type ClusterSettings } from './settings.js';

export interface UpOptions {
  /** Namespaces beyond community-policing. */
  namespaces?: string[];
  /** The four services as four processes. */
  separate?: boolean;
  say?: (line: string) => void;
}

export interface Cluster {
  settings: ClusterSettings;
  temporalAddress: string;
  /** The superuser's URL of the cluster's PostgreSQL (database `postgres`). */
  postgresAdminUrl: string;
  /** `npm start`'s settings: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATABASE_URL. */
  env: Record<string, string>;
  server: ServerProcess[];
}

export async function clusterUp(options: UpOptions = {}): Promise<Cluster> {
  const say = options.say ?? (() => {});
  const s = clusterSettings();
  const started = Date.now();
  const step = (line: string) => say(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

  if (await ensureBinaries(step)) step('Built the Temporal server.');
  const fresh = await startPostgres(s);
  step(`PostgreSQL on 127.0.0.1:${s.pgPort}${fresh ? ' (initialised)' : ''}`);

  let server = serverProcesses();
  if (server.length === 0) {
    const moduleDir = await moduleSource();
    const created = await ensureSchemas(s, moduleDir);
    step(`Temporal schemas ${created.length ? `set up in ${created.join(', ')}` : 'up to date'}`);
    await ensureDatabase(s, roles.app, roles.app.database);
    writeServerConfig(s, moduleDir);
    server = startServer(options.separate ?? false);
    step(`Temporal server started (${server.map((p) => `${p.name} pid ${p.pid}`).join(', ')})`);
  } else {
    step(`Temporal server already running (${server.map((p) => `${p.name} pid ${p.pid}`).join(', ')})`);
  }
  await waitForFrontend(s, server);
  step(`Temporal frontend answers on ${temporalAddress(s)}`);
  const created = await ensureNamespaces(s, [defaultNamespace, ...(options.namespaces ?? [])]);
  if (created.length) step(`Namespaces created: ${created.join(', ')}`);
  return { settings: s, temporalAddress: temporalAddress(s), postgresAdminUrl: adminUrl(s), env: serviceEnv(s), server };
}

// Where the local cluster lives and how it is reached: one folder (git-ignored), ports from the
// environment, and the settings `npm start` takes to run there.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Temporal server release the cluster runs; changing it rebuilds the binaries on the next `up`. */
export const temporalVersion = '1.32.2';
/** v1.32 needs Go ≥ 1.26.10; the go command fetches this toolchain from the module proxy. */
export const goToolchain = 'go1.27.3';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const home = `${projectRoot}.temporal/cluster/`;

export const paths = {
  projectRoot,
  home,
  bin: `${home}bin/`,
  postgresData: `${home}postgres/`,
  postgresLog: `${home}postgres.log`,
  config: `${home}config/`,
  /** The project's Temporal CLI (`npm install` puts it there), for namespaces and health checks. */
  cli: `${projectRoot}.temporal/bin/temporal`,
};

export interface ClusterSettings {
  pgPort: number;
  temporalPort: number;
}

export function clusterSettings(env: Record<string, string | undefined> = process.env): ClusterSettings {
  return { pgPort: portOf(env, 'CLUSTER_PG_PORT', 5433), temporalPort: portOf(env, 'CLUSTER_TEMPORAL_PORT', 7243) };
}

function portOf(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65000) throw new Error(`${name} must be a port number between 1024 and 65000, not ${value}`);
  return port;
}

/** The PostgreSQL superuser and the two roles the cluster creates (local, bound to 127.0.0.1). */
export const roles = {
  admin: { user: 'postgres', password: 'postgres' },
  temporal: { user: 'temporal', password: 'temporal' },
  app: { user: 'community_policing', password: 'community_policing', database: 'community_policing' },
};

export const defaultNamespace = 'community-policing';

export function adminUrl(s: ClusterSettings, database = 'postgres'): string {
  return `postgresql://${roles.admin.user}:${roles.admin.password}@127.0.0.1:${s.pgPort}/${database}`;
}

export function appDatabaseUrl(s: ClusterSettings): string {
  const { user, password, database } = roles.app;
  return `postgresql://${user}:${password}@127.0.0.1:${s.pgPort}/${database}`;
}

export function temporalAddress(s: ClusterSettings): string {
  return `127.0.0.1:${s.temporalPort}`;
}

/** What `npm start` and `npm run worker` need to run on the cluster. */
export function serviceEnv(s: ClusterSettings): Record<string, string> {
  return { TEMPORAL_ADDRESS: temporalAddress(s), TEMPORAL_NAMESPACE: defaultNamespace, DATABASE_URL: appDatabaseUrl(s) };
}

/** Debian's newest PostgreSQL binaries (the postgresql package). */
export function postgresBin(): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/<version>/bin): apt-get install postgresql');
  return `/usr/lib/postgresql/${newest}/bin/`;
}

// The cluster's own PostgreSQL instance (not the machine's): initialised into the cluster folder
// once, password authentication over 127.0.0.1 only, started and stopped with pg_ctl.
import { chmodSync, chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { adminUrl, paths, postgresBin, roles, type ClusterSettings } from './settings.js';
import { asPostgres, run } from './run.js';

// Room for the Temporal server's pools (one per service when separate) and many worker processes.
const maxConnections = 300;

async function pgCommand(tool: string, args: string[]): Promise<string> {
  const [command, all] = asPostgres(`${postgresBin()}${tool}`, args);
  return run(command, all, { cwd: '/' });
}

/** Hands a file or folder to the `postgres` user when root (PostgreSQL refuses to run as root). */
function giveToPostgres(path: string) {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(path, uid, gid);
}

async function initialise(s: ClusterSettings) {
  const data = paths.postgresData;
  mkdirSync(data, { recursive: true });
  giveToPostgres(data);
  chmodSync(data, 0o700);
  // Beside the data folder, which initdb wants empty.
  const pwFile = `${paths.home}postgres.pwfile`;
  writeFileSync(pwFile, `${roles.admin.password}\n`, { mode: 0o600 });
  giveToPostgres(pwFile);
  try {
    await pgCommand('initdb', [
      '-D',
      data,
      '-U',
      roles.admin.user,
      `--pwfile=${pwFile}`,
      '--auth-local=scram-sha-256',
      '--auth-host=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
  } finally {
    rmSync(pwFile, { force: true });
  }
  writeFileSync(
    `${data}postgresql.auto.conf`,
    [`listen_addresses = '127.0.0.1'`, `port = ${s.pgPort}`, `unix_socket_directories = '${data}'`, `max_connections = ${maxConnections}`, ''].join('\n'),
  );
}

export async function postgresRunning(): Promise<boolean> {
  if (!existsSync(`${paths.postgresData}PG_VERSION`)) return false;
  return pgCommand('pg_ctl', ['status', '-D', paths.postgresData]).then(
    () => true,
    () => false,
  );
}

/** Initialises the instance when its folder is new, starts it unless it runs; returns whether it was initialised. */
export async function startPostgres(s: ClusterSettings): Promise<boolean> {
  const fresh = !existsSync(`${paths.postgresData}PG_VERSION`);
  if (fresh) await initialise(s);
  if (!(await postgresRunning())) {
    writeFileSync(paths.postgresLog, '', { flag: 'a' });
    giveToPostgres(paths.postgresLog);
    await pgCommand('pg_ctl', ['start', '-w', '-t', '60', '-D', paths.postgresData, '-l', paths.postgresLog, '-o', `-p ${s.pgPort}`]);
  }
  return fresh;
}

export async function stopPostgres(): Promise<boolean> {
  if (!(await postgresRunning())) return false;
  await pgCommand('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', paths.postgresData]);
  return true;
}

/** Runs `work` with a superuser connection to `database`. */
export async function asAdmin<T>(s: ClusterSettings, work: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(s, database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the role and the database it owns unless they exist. */
export async function ensureDatabase(s: ClusterSettings, role: { user: string; password: string }, database: string) {
  await asAdmin(s, async (c) => {
    const hasRole = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
    if (hasRole.rowCount === 0) await c.query(`CREATE ROLE "${role.user}" LOGIN PASSWORD '${role.password}'`);
    const hasDb = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (hasDb.rowCount === 0) await c.query(`CREATE DATABASE "${database}" OWNER "${role.user}"`);
  });
}

// A PostgreSQL instance of the test's own, which it may stop and start at will: the system
// cluster on 5432 serves every other test and must stay up. initdb into a temp dir, a free port,
// pg_ctl start/stop with Debian's binaries; as root, everything runs as the `postgres` OS user,
// since PostgreSQL refuses to run as root.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PostgresInstance {
  port: number;
  /** postgresql://postgres:postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Fast shutdown: connections are terminated, as when the server goes away. */
  stop(): void;
  start(): void;
  /** Stops it and removes its files. */
  remove(): void;
}

function binDir(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .map(Number)
    .filter(Number.isFinite)
    .sort((a, b) => b - a);
  if (!versions.length) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgresInstance(name: string): Promise<PostgresInstance> {
  const bin = binDir();
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : `${bin}/${tool}`, asRoot ? ['-u', 'postgres', '--', `${bin}/${tool}`, ...args] : args, {
      stdio: 'pipe',
      cwd: '/tmp',
    });
  const dir = mkdtempSync(join(tmpdir(), `cp-pg-${name}-`));
  const data = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, 'postgres\n');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  chmodSync(dir, 0o700);
  run('initdb', ['-D', data, '-U', 'postgres', '--pwfile', passwordFile, '-A', 'scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  // Socket in the instance's own dir: /var/run/postgresql belongs to the system cluster.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  start();
  const url = (database: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async createDatabase(database) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${database}"`);
      } finally {
        await client.end();
      }
    },
    stop,
    start,
    remove() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

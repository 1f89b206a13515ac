// `npm run cluster -- down`: the server first (it writes to PostgreSQL), then PostgreSQL.
import { withClusterLock } from './lock.js';
import { stopPostgres } from './postgres.js';
import { stopServer } from './server.js';

export function clusterDown(say: (line: string) => void): Promise<void> {
  return withClusterLock(() => bringDown(say), say);
}

async function bringDown(say: (line: string) => void) {
  const stopped = await stopServer();
  say(stopped.length ? `Temporal server stopped (${stopped.map((p) => p.name).join(', ')})` : 'Temporal server was not running');
  say((await stopPostgres()) ? 'PostgreSQL stopped' : 'PostgreSQL was not running');
}

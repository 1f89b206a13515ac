// `npm run cluster -- down`: the server first (it writes to PostgreSQL), then PostgreSQL.
import { stopPostgres } from './postgres.js';
import { stopServer } from './server.js';

export async function clusterDown(say: (line: string) => void) {
  const stopped = await stopServer();
  say(stopped.length ? `Temporal server stopped (${stopped.map((p) => p.name).join(', ')})` : 'Temporal server was not running');
  say((await stopPostgres()) ? 'PostgreSQL stopped' : 'PostgreSQL was not running');
}

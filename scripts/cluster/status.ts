// `npm run cluster -- status`: what runs, where, and the binaries' release.
import { existsSync } from 'node:fs';
import { serverBinary } from './binaries.js';
import { postgresRunning } from './postgres.js';
import { run } from './run.js';
import { serverProcesses } from './server.js';
import { clusterSettings, paths, temporalAddress } from './settings.js';

export async function clusterStatus(say: (line: string) => void): Promise<boolean> {
  const s = clusterSettings();
  const built = existsSync(serverBinary) ? (await run(serverBinary, ['--version']).catch(() => '')).trim() : 'not built';
  const pgUp = await postgresRunning();
  const server = serverProcesses();
  say(`Binaries      ${paths.bin} (${built})`);
  say(`PostgreSQL    127.0.0.1:${s.pgPort} ${pgUp ? 'running' : 'stopped'} (data ${paths.postgresData})`);
  say(`Temporal      ${temporalAddress(s)} ${server.length ? `running: ${server.map((p) => `${p.name} pid ${p.pid}`).join(', ')}` : 'stopped'}`);
  return pgUp && server.length > 0;
}

// The Temporal server, detached from `npm run cluster`: all four services in one process, or
// one process each (--separate); a pid file and a log per process in the cluster folder.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { serverBinary } from './binaries.js';
import { configFile } from './serverConfig.js';
import { isAlive, run, sleep, startDetached } from './run.js';
import { paths, temporalAddress, type ClusterSettings } from './settings.js';

export const services = ['frontend', 'history', 'matching', 'worker'] as const;

export interface ServerProcess {
  name: string;
  pid: number;
  pidFile: string;
}

/** The server processes started by `up` that still run (pid files of dead ones are removed). */
export function serverProcesses(): ServerProcess[] {
  if (!existsSync(paths.home)) return [];
  const found: ServerProcess[] = [];
  for (const file of readdirSync(paths.home).filter((f) => /^server(-\w+)?\.pid$/.test(f))) {
    const pidFile = `${paths.home}${file}`;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (isAlive(pid)) found.push({ name: file.replace(/\.pid$/, ''), pid, pidFile });
    else rmSync(pidFile, { force: true });
  }
  return found;
}

export function startServer(separate: boolean): ServerProcess[] {
  const groups = separate ? services.map((service) => ({ name: `server-${service}`, services: [service] })) : [{ name: 'server', services: [...services] }];
  return groups.map(({ name, services: these }) => {
    const args = ['--config-file', configFile, '--allow-no-auth', 'start', ...these.flatMap((svc) => ['--service', svc])];
    const pid = startDetached(serverBinary, args, `${paths.home}${name}.log`, paths.home);
    const pidFile = `${paths.home}${name}.pid`;
    writeFileSync(pidFile, String(pid));
    return { name, pid, pidFile };
  });
}

/** Waits until the frontend reports SERVING (or a server process has died). */
export async function waitForFrontend(s: ClusterSettings, processes: ServerProcess[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const dead = processes.find((p) => !isAlive(p.pid));
    if (dead) throw new Error(`the Temporal server (${dead.name}) exited; see ${paths.home}${dead.name}.log`);
    try {
      const out = await run(paths.cli, ['operator', 'cluster', 'health', '--address', temporalAddress(s)]);
      if (/SERVING/.test(out)) return;
      last = out;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(500);
  }
  throw new Error(`the Temporal frontend at ${temporalAddress(s)} did not answer within ${timeoutMs / 1000} s: ${last.slice(-500)}`);
}

/** SIGTERM (the server drains and stops), SIGKILL after `graceMs`; resolves once all are gone. */
export async function stopServer(processes = serverProcesses(), graceMs = 20_000): Promise<ServerProcess[]> {
  for (const p of processes) process.kill(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (processes.some((p) => isAlive(p.pid)) && Date.now() < deadline) await sleep(200);
  for (const p of processes.filter((p) => isAlive(p.pid))) process.kill(p.pid, 'SIGKILL');
  while (processes.some((p) => isAlive(p.pid))) await sleep(100);
  for (const p of processes) rmSync(p.pidFile, { force: true });
  return processes;
}

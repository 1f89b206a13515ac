// Real processes for the fault campaign: the service (`tsx src/main.ts`) and workers
// (`tsx worker.ts`, or a test entry with a crash point), started with their own environment,
// waited for until they say they are ready, and killed with the signal the test chooses.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = `${projectRoot}node_modules/.bin/tsx`;

export interface RunningProcess {
  child: ChildProcess;
  name: string;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** The first match of `pattern` in its output, waiting up to `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `tsx <entry>` from the project root with `env` over the test's own environment. */
export function startTsx(name: string, entry: string, env: Record<string, string | undefined>): RunningProcess {
  // Its own process group: tsx runs the entry in a child node process, and a signal to tsx alone
  // (SIGKILL above all, which it cannot pass on) would leave that child running.
  const child = spawn(tsx, [entry], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    name,
    output: () => text,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (!m) return;
          done();
          resolve(m);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms; it printed:\n${text.slice(-4000)}`));
        }, timeoutMs);
        const onExit = (code: number | null) => {
          done();
          reject(new Error(`${name} exited (${code}) before printing ${pattern}; it printed:\n${text.slice(-4000)}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      return exited;
    },
  };
}

/** `npm run worker` as a process; ready once it polls. */
export async function startWorkerProcess(name: string, env: Record<string, string | undefined>, entry = 'worker.ts'): Promise<RunningProcess> {
  const p = startTsx(name, entry, env);
  await p.waitFor(/worker polling task queue/);
  return p;
}

/** `npm start` (without the console build) as a process; ready once it prints its API address. */
export async function startServiceProcess(name: string, env: Record<string, string | undefined>): Promise<RunningProcess & { apiUrl: string }> {
  const p = startTsx(name, 'src/main.ts', env);
  const [, apiUrl] = await p.waitFor(/HTTP API\s+(http:\/\/\S+)\/api /);
  return Object.assign(p, { apiUrl: apiUrl! });
}

// One `up` or `down` at a time on the machine's cluster folder (a test, a benchmark and a person
// may all run `up` at once): a lock file naming its holder's pid, taken over when the holder died.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive, sleep } from './run.js';
import { paths } from './settings.js';

const lockFile = `${paths.home}cluster.lock`;

export async function withClusterLock<T>(work: () => Promise<T>, say: (line: string) => void, timeoutMs = 20 * 60_000): Promise<T> {
  mkdirSync(paths.home, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const holder = Number(readFileSync(lockFile, 'utf8').trim() || '0');
      if (!holder || !isAlive(holder)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another npm run cluster (pid ${holder}) has held ${lockFile} for ${timeoutMs / 60_000} minutes`);
      if (!told) say(`Waiting for another npm run cluster (pid ${holder}) to finish…`);
      told = true;
      await sleep(500);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

// The record a crashing worker (crashingWorker.ts) keeps in a directory shared with the test and
// every other worker: one line per attempt started of a watched activity, one file per kill. A
// kill's file is created exclusively, so two workers never spend the same unit of the budget.
import { appendFileSync, closeSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface Attempt {
  type: string;
  workflowId: string;
  activityId: string;
  attempt: number;
  pid: number;
  /** ms since the epoch: the attempt's start in starts.jsonl, the instant before SIGKILL in a kill file. */
  at: number;
}

/** `decideAndPersist:3,settleObligation:6` → how many completions of each type to die at. */
export function crashBudgets(spec: string): Map<string, number> {
  return new Map(
    spec
      .split(',')
      .filter(Boolean)
      .map((entry) => {
        const [type, count = '1'] = entry.split(':');
        const n = Number(count);
        if (!type || !Number.isInteger(n) || n < 1) throw new Error(`CRASH_AT: "${entry}" is not <activity type>[:<count ≥ 1>]`);
        return [type, n];
      }),
  );
}

/** Says this worker polls: it can take over a killed worker's work. */
export function markAlive(dir: string): void {
  writeFileSync(join(dir, `alive-${process.pid}`), '');
}

/** Whether another worker marked alive still runs (signal 0 only asks). */
export function anotherAlive(dir: string): boolean {
  return readdirSync(dir)
    .filter((f) => f.startsWith('alive-'))
    .map((f) => Number(f.slice('alive-'.length)))
    .some((pid) => {
      if (pid === process.pid) return false;
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
}

export function recordStart(dir: string, a: Attempt): void {
  appendFileSync(join(dir, 'starts.jsonl'), `${JSON.stringify(a)}\n`);
}

/** Takes the next unit of the type's budget for this completion; false once it is spent. */
export function claimKill(dir: string, budget: number, a: Attempt): boolean {
  for (let k = 1; k <= budget; k++) {
    let fd: number;
    try {
      fd = openSync(join(dir, `kill-${a.type}-${k}.json`), 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    writeSync(fd, JSON.stringify(a));
    closeSync(fd);
    return true;
  }
  return false;
}

export function readKills(dir: string): Attempt[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith('kill-'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Attempt)
    .sort((a, b) => a.at - b.at);
}

export function readStarts(dir: string): Attempt[] {
  return readFileSync(join(dir, 'starts.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Attempt);
}

/**
 * For each kill, how long until a later attempt of the same activity started (on whichever worker
 * took it); undefined where none did.
 */
export function resumeTimes(kills: Attempt[], starts: Attempt[]): { kill: Attempt; resumedAfterMs?: number }[] {
  return kills.map((kill) => {
    const next = starts
      .filter((s) => s.workflowId === kill.workflowId && s.activityId === kill.activityId && s.attempt > kill.attempt)
      .sort((a, b) => a.at - b.at)[0];
    return { kill, resumedAfterMs: next && next.at - kill.at };
  });
}

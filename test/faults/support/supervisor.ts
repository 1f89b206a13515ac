// Keeps a number of worker processes running, as a process manager would: each one that exits
// (killed at a crash point) is replaced by a new one, until stop().
import type { RunningProcess } from './processes.js';

export interface Supervisor {
  /** Each exit seen: the process's name and when. */
  exits: { name: string; at: number; code: number | null }[];
  stop(): Promise<void>;
}

export async function supervise(count: number, start: (name: string) => Promise<RunningProcess>): Promise<Supervisor> {
  const running = new Set<RunningProcess>();
  const exits: Supervisor['exits'] = [];
  let stopping = false;
  let started = 0;

  async function keepOne(): Promise<void> {
    let p: RunningProcess;
    try {
      p = await start(`worker-${++started}`);
    } catch (err) {
      // Killed while starting (it took a task at once and hit a crash point): start another.
      if (!stopping) return keepOne();
      throw err;
    }
    running.add(p);
    void p.exited.then((code) => {
      running.delete(p);
      exits.push({ name: p.name, at: Date.now(), code });
      if (!stopping) void keepOne();
    });
  }

  await Promise.all(Array.from({ length: count }, keepOne));
  return {
    exits,
    async stop() {
      stopping = true;
      await Promise.all([...running].map((p) => p.kill('SIGKILL')));
    },
  };
}

// What the operating system says about the processes of a run, from /proc: peak resident memory
// (VmHWM) and CPU time of a process tree, and of a PostgreSQL instance (its postmaster and every
// backend, summed; a backend that has exited counts through the postmaster's children's time).
import { readdirSync, readFileSync } from 'node:fs';

const ticks = 100; // USER_HZ on Linux

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function pids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  /** Own CPU seconds, and those of its waited-for children. */
  cpu: number;
  childCpu: number;
}

function stat(pid: number): Stat | undefined {
  const text = read(`/proc/${pid}/stat`);
  if (!text) return undefined;
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  return {
    pid,
    ppid: Number(fields[1]),
    comm: text.slice(text.indexOf('(') + 1, close),
    cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
    childCpu: (Number(fields[13]) + Number(fields[14])) / ticks,
  };
}

/** Peak and current resident memory in MiB. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  const status = read(`/proc/${pid}/status`) ?? '';
  const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
  return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
}

/** Proportional set size in MiB: shared pages (PostgreSQL's shared buffers) split between their users. */
function pssOf(pid: number): number {
  const text = read(`/proc/${pid}/smaps_rollup`);
  const kb = text?.match(/^Pss:\s+(\d+)/m)?.[1];
  return kb === undefined ? memoryOf(pid).rssMiB : Number(kb) / 1024;
}

/** `root` and every process below it. */
export function tree(root: number): Stat[] {
  const all = pids()
    .map(stat)
    .filter((s): s is Stat => s !== undefined);
  const found = all.filter((s) => s.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...all.filter((s) => s.ppid === found[i]!.pid));
  return found;
}

export const cmdline = (pid: number) => (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();

/** Processes whose command line contains `text`. */
export function findProcesses(text: string): number[] {
  return pids().filter((pid) => pid !== process.pid && cmdline(pid).includes(text));
}

/** The postmaster listening on `port`: its data directory's postmaster.pid names the port. */
export function postmasterOn(port: number): number | undefined {
  for (const pid of pids()) {
    const s = stat(pid);
    if (s?.comm !== 'postgres' && s?.comm !== 'postmaster') continue;
    const parent = stat(s.ppid);
    if (parent?.comm === 'postgres') continue;
    const dir = cmdline(pid).match(/-D\s+(\S+)/)?.[1];
    const lines = dir ? read(`${dir}/postmaster.pid`)?.split('\n') : undefined;
    if (lines && Number(lines[3]) === port) return pid;
  }
  return undefined;
}

/** CPU seconds of a process tree, the exited children included. */
export function cpuOf(root: number): number {
  return tree(root).reduce((sum, s) => sum + s.cpu + (s.pid === root ? s.childCpu : 0), 0);
}

/** A PostgreSQL instance's memory now: the proportional sizes of all its processes, summed. */
export function postgresMiB(postmaster: number): number {
  return tree(postmaster).reduce((sum, s) => sum + pssOf(s.pid), 0);
}

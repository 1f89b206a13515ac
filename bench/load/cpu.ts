// The CPU time a service process has used, for CPU-ms per request: on a shared 2-core machine
// wall-clock rates lie while others run, the CPU a request costs does not.
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100; // USER_HZ on Linux

/**
 * User + system CPU in ms of the node processes in process group `pgid` (the tsx wrapper and the
 * service it runs; not a Temporal dev server the service may have started). 0 off Linux.
 */
export function groupCpuMs(pgid: number): number {
  let ticks = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp … utime(14) stime(15): comm may hold spaces, so split after ')'.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid || !comm.startsWith('node')) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / ticksPerSecond;
}

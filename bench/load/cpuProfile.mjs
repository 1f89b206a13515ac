// A CPU profile of whichever node process preloads this (`--import ./bench/load/cpuProfile.mjs`),
// written to CPU_PROFILE_DIR as <pid>.cpuprofile when it exits. Node 20 refuses `--cpu-prof` in
// NODE_OPTIONS, which is how the load bench reaches the service process it starts.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  // A session on the process's own thread answers synchronously, so this runs before the exit.
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});

// `npm run cluster -- up|down|status|env [--separate] [--namespace <name>]…`: a local Temporal
// cluster on its own PostgreSQL for `npm start` and `npm run worker` (docs/cluster.md).
import { parseArgs } from 'node:util';
import { clusterDown } from './down.js';
import { clusterSettings, serviceEnv } from './settings.js';
import { clusterStatus } from './status.js';
import { clusterUp } from './up.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const exportLines = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `export ${k}='${v}'`);

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { separate: { type: 'boolean', default: false }, namespace: { type: 'string', multiple: true, default: [] } },
  });
  const command = positionals[0];
  if (command === 'up') {
    const cluster = await clusterUp({ namespaces: values.namespace, separate: values.separate, say });
    say('\nRun the service on it:');
    say(
      `  ${Object.entries(cluster.env)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')} npm start`,
    );
    say('or: eval "$(npm run -s cluster -- env)"');
  } else if (command === 'down') {
    await clusterDown(say);
  } else if (command === 'status') {
    process.exitCode = (await clusterStatus(say)) ? 0 : 3;
  } else if (command === 'env') {
    say(exportLines(serviceEnv(clusterSettings())).join('\n'));
  } else {
    throw new Error(`usage: npm run cluster -- up|down|status|env [--separate] [--namespace <name>]… (not ${command ?? 'nothing'})`);
  }
} catch (err) {
  process.stderr.write(`cluster: ${(err as Error).message}\n`);
  process.exitCode = 1;
}

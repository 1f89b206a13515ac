// `npm run counties -- add <id> <name> | synthetic <N> [--communities M] | list`; see command.ts.
import { ConfigError, loadConfig } from '../config.js';
import { CountyError, countiesCommand, usage, UsageError } from './command.js';

try {
  const config = loadConfig();
  await countiesCommand(process.argv.slice(2), {
    databaseUrl: config.databaseUrl,
    today: new Date().toISOString().slice(0, 10),
    out: (line) => process.stdout.write(`${line}\n`),
  });
} catch (err) {
  if (err instanceof UsageError) process.stderr.write(`counties: ${err.message}\n${usage}\n`);
  else if (err instanceof CountyError || err instanceof ConfigError) process.stderr.write(`counties: ${err.message}\n`);
  else throw err;
  process.exitCode = 2;
}

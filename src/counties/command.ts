// The counties command: `add <id> <name>`, `synthetic <N> [--communities M]`, `list`. Writes
// to the database of DATABASE_URL (migrated first). It does not reach Temporal: a county's
// Schedules are registered when the service next starts (`npm start` registers every county's).
import { parseArgs } from 'node:util';
import { createDb } from '../db/client.js';
import { countyIdPattern, CountyError, createCounty, listCounties, seedSyntheticCounties, syntheticCountyId } from '../db/counties.js';
import { migrate } from '../db/migrate.js';

export const usage = [
  'usage: npm run counties -- add <id> <name>                     an empty county with its default rule set',
  '       npm run counties -- synthetic <N> [--communities <M>]  synthetic counties syn-001 … for benchmarks',
  '       npm run counties -- list',
].join('\n');

export class UsageError extends Error {}

export interface CommandDeps {
  databaseUrl: string;
  /** Bindings of synthetic counties start on 1 January of this date's year. */
  today: string;
  out: (line: string) => void;
}

function positiveInt(value: string, what: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw new UsageError(`${what}: expected a whole number from 1 to ${max}, got "${value}"`);
  return n;
}

/** Runs one command; a UsageError or CountyError is the user's to fix (exit 2). */
export async function countiesCommand(args: string[], deps: CommandDeps): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { communities: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (command === 'add') {
    if (rest.length !== 2) throw new UsageError('add: expected <id> <name>');
    if (!countyIdPattern.test(rest[0]!)) throw new UsageError(`add: county id "${rest[0]}": lower-case letters, digits and '-', at most 40 characters`);
  } else if (command === 'synthetic') {
    if (rest.length !== 1) throw new UsageError('synthetic: expected <N>');
  } else if (command === 'list') {
    if (rest.length) throw new UsageError('list: takes no arguments');
  } else throw new UsageError(command ? `unknown command "${command}"` : 'expected a command');
  if (command !== 'synthetic' && parsed.values.communities !== undefined) throw new UsageError('--communities goes with synthetic');

  await migrate(deps.databaseUrl);
  const db = createDb(deps.databaseUrl);
  try {
    if (command === 'add') {
      const [id, name] = rest as [string, string];
      await createCounty(db, { id, name });
      deps.out(`County ${id} (${name}) created with its default rule set.`);
      deps.out(`Invite its first bureau staff: npm run accounts -- invite --county ${id} --role bureau-staff --id <sign-in name> --name <display name>`);
      deps.out('Its Schedules are registered when the service next starts (npm start).');
    } else if (command === 'synthetic') {
      const n = positiveInt(rest[0]!, 'synthetic <N>', 999);
      const communities = parsed.values.communities === undefined ? 10 : positiveInt(parsed.values.communities, '--communities', 9999);
      const started = Date.now();
      const created = await seedSyntheticCounties(db, n, { communities, from: `${deps.today.slice(0, 4)}-01-01` });
      const skipped = n - created.length;
      deps.out(
        `Seeded ${created.length} synthetic ${created.length === 1 ? 'county' : 'counties'} of ${communities} communities` +
          (created.length ? ` (${created[0]} … ${created.at(-1)})` : '') +
          (skipped ? `; ${skipped} existed already (${syntheticCountyId(1)} … ${syntheticCountyId(n)} are kept as they are)` : '') +
          ` in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      if (created.length) deps.out('Their Schedules are registered when the service next starts (npm start).');
    } else {
      const counties = await listCounties(db);
      if (counties.length === 0) deps.out('No counties yet: `npm start` seeds the demo county, `npm run counties -- add <id> <name>` adds one.');
      for (const c of counties) deps.out(`${c.id}\t${c.name}\t${c.communities} communities\t${c.officers} officers\t${c.users} users`);
    }
  } finally {
    await db.$disconnect();
  }
}

export { CountyError };

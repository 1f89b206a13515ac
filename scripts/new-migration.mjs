// Writes the next migration for both providers: the SQL that takes the schema of the last
// committed migration to today's prisma/models.prisma. Usage: npm run db:migration -- <name>
//
// Each migration folder keeps the schema it leads to (schema.prisma beside migration.sql), and
// the next migration is the diff between two schema files. Prisma's other ways of finding the
// starting point (--from-migrations, --from-url) need a shadow database or a URL, which the
// JavaScript schema engine with a driver adapter does not support.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providers, schemaFor } from './prisma-schemas.mjs';

const root = new URL('..', import.meta.url).pathname;
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name of lower-case letters, digits and _>');
  process.exit(2);
}
// The schema engine connects through the adapter even to compare two files: give it a scratch
// database (PostgreSQL: PG_ADMIN_URL, default postgres on localhost; nothing is written there).
const scratchUrl = {
  sqlite: `file:${join(mkdtempSync(join(tmpdir(), 'migration-')), 'diff.db')}`,
  postgresql: process.env.PG_ADMIN_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres',
};
for (const provider of providers) {
  const schema = join(root, 'prisma', provider, 'schema.prisma');
  writeFileSync(schema, schemaFor(provider));
  const dir = join(root, 'prisma', provider, 'migrations');
  const existing = readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort();
  const next = `${String(existing.length + 1).padStart(4, '0')}_${name}`;
  const from = existing.length ? ['--from-schema-datamodel', join(dir, existing.at(-1), 'schema.prisma')] : ['--from-empty'];
  const sql = execFileSync(
    process.execPath,
    [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff', ...from, '--to-schema-datamodel', schema, '--script'],
    { cwd: root, env: { ...process.env, PRISMA_PROVIDER: provider, DATABASE_URL: scratchUrl[provider] }, encoding: 'utf8' },
  );
  if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) {
    console.error(`prisma/models.prisma has no change for ${provider} since ${existing.at(-1)}: nothing written`);
    process.exit(1);
  }
  mkdirSync(join(dir, next), { recursive: true });
  writeFileSync(join(dir, next, 'migration.sql'), sql);
  copyFileSync(schema, join(dir, next, 'schema.prisma'));
  console.log(`wrote prisma/${provider}/migrations/${next}/`);
}

// Writes the next migration for both providers: the SQL that takes a database built by the
// committed migrations to prisma/models.prisma. Usage: npm run db:migration -- <name>
// Needs a scratch PostgreSQL for the diff (PG_ADMIN_URL, default postgres on localhost).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { providers } from './prisma-schemas.mjs';

const root = new URL('..', import.meta.url).pathname;
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:migration -- <name of lower-case letters, digits and _>');
  process.exit(2);
}
const scratchUrl = {
  sqlite: `file:${join(mkdtempSync(join(tmpdir(), 'migration-')), 'diff.db')}`,
  postgresql: process.env.PG_ADMIN_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/postgres',
};
for (const provider of providers) {
  const dir = join(root, 'prisma', provider, 'migrations');
  const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
  const next = `${String(existing.length + 1).padStart(4, '0')}_${name}`;
  const from = existing.length ? ['--from-migrations', dir] : ['--from-empty'];
  const sql = execFileSync(process.execPath, [join(root, 'node_modules/prisma/build/index.js'), 'migrate', 'diff',
    ...from, '--to-schema-datamodel', join(root, 'prisma', provider, 'schema.prisma'), '--script'],
  { cwd: root, env: { ...process.env, PRISMA_PROVIDER: provider, DATABASE_URL: scratchUrl[provider] }, encoding: 'utf8' });
  mkdirSync(join(dir, next), { recursive: true });
  writeFileSync(join(dir, next, 'migration.sql'), sql);
  console.log(`wrote prisma/${provider}/migrations/${next}/migration.sql`);
}

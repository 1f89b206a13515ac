// Prisma CLI configuration. The JavaScript schema engine with a driver adapter runs from npm
// alone (the classic engine is a native download). PRISMA_PROVIDER picks which of the two
// schemas the CLI works on; it defaults to the provider DATABASE_URL names.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

const url = process.env.DATABASE_URL ?? 'file:./data/app.db';
const provider = process.env.PRISMA_PROVIDER ?? (/^postgres(ql)?:/.test(url) ? 'postgresql' : 'sqlite');

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join('prisma', provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  engine: 'js',
  adapter: async () => (provider === 'postgresql' ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url: url.replace(/^file:/, '') })),
});

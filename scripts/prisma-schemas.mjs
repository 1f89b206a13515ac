// Writes one schema per provider from prisma/models.prisma (see the comment there).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const providers = ['sqlite', 'postgresql'];

export function schemaFor(provider) {
  const models = readFileSync(join(root, 'prisma', 'models.prisma'), 'utf8');
  return `// Generated from prisma/models.prisma by \`npm run db:schemas\`; edit that file instead.
generator client {
  provider   = "prisma-client-js"
  output     = "../../src/generated/${provider}"
  engineType = "client"
}

// The driver adapter carries the real connection; this url only satisfies the schema parser.
datasource db {
  provider = "${provider}"
  url      = "${provider === 'sqlite' ? 'file:../../data/app.db' : 'postgresql://localhost/app'}"
}

${models}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const provider of providers) {
    mkdirSync(join(root, 'prisma', provider), { recursive: true });
    writeFileSync(join(root, 'prisma', provider, 'schema.prisma'), schemaFor(provider));
  }
}

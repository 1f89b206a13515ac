// A change to prisma/models.prisma without a migration would leave databases built by the
// committed migrations behind the client: each provider's newest migration must lead to exactly
// the schema the model gives today (npm run db:migration -- <name> writes both).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providers, schemaFor } from '../../scripts/prisma-schemas.mjs';

const root = new URL('../..', import.meta.url).pathname;

describe.each(providers)('the %s migrations', (provider) => {
  const dir = join(root, 'prisma', provider, 'migrations');
  const migrations = readdirSync(dir)
    .filter((d) => /^\d{4}_/.test(d))
    .sort();

  it('lead to the schema of prisma/models.prisma', () => {
    expect(readFileSync(join(dir, migrations.at(-1)!, 'schema.prisma'), 'utf8')).toBe(schemaFor(provider));
  });

  it('are numbered without gaps, each with its SQL and the schema it leads to', () => {
    migrations.forEach((m, i) => {
      expect(m.slice(0, 4)).toBe(String(i + 1).padStart(4, '0'));
      expect(readdirSync(join(dir, m)).sort()).toEqual(['migration.sql', 'schema.prisma']);
    });
  });
});

// Temporal's two databases on the cluster's PostgreSQL, set up from version 0.0 when new and
// brought up to the release's newest schema with temporal-sql-tool (a re-run upgrades only).
import { sqlBinary } from './binaries.js';
import { asAdmin, ensureDatabase } from './postgres.js';
import { run } from './run.js';
import { roles, type ClusterSettings } from './settings.js';

const stores = [
  { database: 'temporal', schemaDir: 'temporal' },
  { database: 'temporal_visibility', schemaDir: 'visibility' },
];

export const temporalDatabases = stores.map((s) => s.database);

/** Sets up or upgrades both schemas; returns the databases that were set up new. */
export async function ensureSchemas(s: ClusterSettings, moduleDir: string): Promise<string[]> {
  const created: string[] = [];
  for (const { database, schemaDir } of stores) {
    await ensureDatabase(s, roles.temporal, database);
    const tool = (...args: string[]) =>
      run(sqlBinary, [
        '--plugin',
        'postgres12',
        '--ep',
        '127.0.0.1',
        '-p',
        String(s.pgPort),
        '-u',
        roles.temporal.user,
        '--pw',
        roles.temporal.password,
        '--db',
        database,
        ...args,
      ]);
    const versioned = await asAdmin(s, (c) => c.query(`SELECT 1 FROM pg_tables WHERE tablename = 'schema_version'`), database);
    if (versioned.rowCount === 0) {
      await tool('setup-schema', '-v', '0.0');
      created.push(database);
    }
    await tool('update-schema', '-d', `${moduleDir}schema/postgresql/v12/${schemaDir}/versioned`);
  }
  return created;
}

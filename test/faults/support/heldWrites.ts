// Holds back the service's writes for a moment so a kill lands inside a given activity: the
// activity has started and done its reads, its write waits on the lock, and the process dies
// with the transaction open. PostgreSQL locks only the named tables (reads go on); SQLite has one
// write lock for the whole file (BEGIN IMMEDIATE; WAL readers go on).
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqliteFile } from '../../../src/db/client.js';

export async function holdWrites(databaseUrl: string, tables: string[]): Promise<{ release(): Promise<void> }> {
  if (providerOf(databaseUrl) === 'postgresql') {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    for (const t of tables) await client.query(`LOCK TABLE "${t}" IN EXCLUSIVE MODE`);
    return {
      async release() {
        await client.query('ROLLBACK');
        await client.end();
      },
    };
  }
  const db = new Database(sqliteFile(databaseUrl));
  db.exec('BEGIN IMMEDIATE');
  return {
    async release() {
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

// One Prisma client type for both providers: the two generated clients share the models,
// so the SQLite client's type describes either.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/index.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/index.js';

export type Db = SqliteClient;
export type DbProvider = 'sqlite' | 'postgresql';

/** How the client holds its connections; the defaults are those of `loadConfig`. */
export interface DbOptions {
  /** PostgreSQL: connections in the pool, per process. */
  poolSize?: number;
  /** SQLite: how long a statement waits for another process's lock before SQLITE_BUSY. */
  sqliteBusyTimeoutMs?: number;
}

export function providerOf(databaseUrl: string): DbProvider {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? 'postgresql' : 'sqlite';
}

export function sqliteFile(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '');
}

export function createDb(databaseUrl: string, { poolSize = 10, sqliteBusyTimeoutMs = 5000 }: DbOptions = {}): Db {
  if (providerOf(databaseUrl) === 'postgresql') {
    // A connection that cannot be had within the timeout fails the query (503 at the API, a retry
    // in an activity) instead of waiting without end on a database that is down.
    const adapter = new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5000 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // The file is in WAL mode (set by the migrations), so readers never wait for the writer.
  return new SqliteClient({ adapter: new WalNormalSqlite({ url: sqliteFile(databaseUrl), timeout: sqliteBusyTimeoutMs }) });
}

/**
 * better-sqlite3 commits on the event loop, and with synchronous=FULL every commit waits for an
 * fsync of the WAL: under load the whole API waits on the disk. In WAL mode NORMAL syncs at
 * checkpoints only; the file stays consistent, and a power cut may lose the last commits, not a
 * crash of the process.
 */
class WalNormalSqlite extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeRaw({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] });
    return adapter;
  }
}

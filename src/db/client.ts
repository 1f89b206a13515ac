// One Prisma client type for both providers: the two generated clients share the models,
// so the SQLite client's type describes either.
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type Database from 'better-sqlite3';
import { PrismaClient as SqliteClient } from '../generated/sqlite/index.js';
import { PrismaClient as PostgresClient } from '../generated/postgresql/index.js';
import './planCache.js';
import { reuseStatements } from './sqliteStatements.js';

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

/**
 * PrismaPg whose transactions give their connection back even when the server is gone. Prisma
 * 6.19 ends a transaction by sending ROLLBACK (or COMMIT) and only then releasing the connection;
 * when the connection died mid-transaction (PostgreSQL stopped or restarted), that statement
 * fails, the connection is never released, the pool keeps one slot fewer for good and
 * `$disconnect()` waits for it for ever. Releasing it here lets the pool drop the dead connection
 * (it is no longer queryable) and open a fresh one once PostgreSQL is back.
 */
class ReleasingPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (err) {
          if (query.sql === 'ROLLBACK' || query.sql === 'COMMIT') await tx.rollback();
          throw err;
        }
      };
      return tx;
    };
    return adapter;
  }
}

const providerKey = Symbol('db provider');

/**
 * The provider `createDb` built the client for, read on the client or on any transaction of it
 * (Prisma's transaction client passes reads of the client's own properties through): the raw
 * statements that differ by provider ask here.
 */
export function dbProvider(db: object): DbProvider {
  const provider = (db as { [providerKey]?: DbProvider })[providerKey];
  if (!provider) throw new Error('not a client made by createDb');
  return provider;
}

export function createDb(databaseUrl: string, { poolSize = 10, sqliteBusyTimeoutMs = 5000 }: DbOptions = {}): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  if (provider === 'postgresql') {
    // A connection that cannot be had within the timeout fails the query (503 at the API, a retry
    // in an activity) instead of waiting without end on a database that is down.
    const adapter = new ReleasingPrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5000 });
    db = new PostgresClient({ adapter }) as unknown as Db;
  } else {
    // The file is in WAL mode (set by the migrations), so readers never wait for the writer.
    db = new SqliteClient({ adapter: new MultiProcessSqlite({ url: sqliteFile(databaseUrl), timeout: sqliteBusyTimeoutMs }) });
  }
  return Object.defineProperty(db, providerKey, { value: provider });
}

/**
 * better-sqlite3 as several processes on one file need it (the service and `npm run worker`):
 * - synchronous=NORMAL: commits run on the event loop, and with FULL every one waits for an fsync
 *   of the WAL, so under load the whole API waits on the disk. In WAL mode NORMAL syncs at
 *   checkpoints only; the file stays consistent, and a power cut may lose the last commits, not a
 *   crash of the process.
 * - the write lock first: Prisma's adapter opens a transaction with a deferred BEGIN, and one that
 *   reads before it writes cannot upgrade its lock once another process has written meanwhile:
 *   SQLite answers SQLITE_BUSY at once, without waiting out the busy timeout. A write that changes
 *   nothing, right after BEGIN, takes the lock while the transaction has read nothing yet, so it
 *   waits for it (up to SQLITE_BUSY_TIMEOUT_MS). Not `BEGIN IMMEDIATE` itself: when that fails
 *   the adapter keeps its own lock for ever.
 * - statements reused across queries (`sqliteStatements.ts`).
 */
class MultiProcessSqlite extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3['connect']> {
    const adapter = await super.connect();
    await adapter.executeRaw({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] });
    const { client, onError } = adapter as unknown as { client: Database.Database; onError(err: unknown): never };
    reuseStatements(client);
    // Prepared at the first transaction: the migrations' ledger exists by then.
    let takeWriteLock: Database.Statement | undefined;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      try {
        (takeWriteLock ??= client.prepare('UPDATE "_app_migrations" SET "name" = "name" WHERE 0')).run();
      } catch (err) {
        client.exec('ROLLBACK');
        await tx.rollback();
        onError.call(adapter, err);
      }
      return tx;
    };
    return adapter;
  }
}

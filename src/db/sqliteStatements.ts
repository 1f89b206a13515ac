// Prisma's better-sqlite3 adapter prepares every statement anew (`client.prepare(sql).bind(args)`),
// and better-sqlite3 lets a statement be bound only once, so it can never reuse one. Under API load
// that preparing cost as much as running the statements. Here the connection's `prepare` keeps the
// statements of recent SQL texts and hands out a view that binds by passing the arguments to each
// run instead: the adapter's own code (argument and result mapping) stays as it is.
import type Database from 'better-sqlite3';

/** What the adapter (and `client.ts`) call on a prepared statement. */
interface Bound {
  readonly reader: boolean;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
  run(): Database.RunResult;
}

/** Statements kept per connection (0: none); SQL longer than this is not kept (bulk inserts). */
export const statementCacheLimits = { entries: 500, sqlChars: 8192 };

/** A statement's columns, read once: better-sqlite3 builds them anew on every call. */
const columnsOf = new WeakMap<Database.Statement, Database.ColumnDefinition[]>();

function columns(statement: Database.Statement): Database.ColumnDefinition[] {
  let found = columnsOf.get(statement);
  if (!found) columnsOf.set(statement, (found = statement.columns()));
  return found;
}

function view(statement: Database.Statement, args: unknown[]): Bound {
  return {
    reader: statement.reader,
    columns: () => columns(statement),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
    run: () => statement.run(args),
  };
}

/** Makes `client.prepare` reuse the statements of the latest SQL texts, least recently used dropped. */
export function reuseStatements(client: Database.Database): void {
  const prepare = client.prepare.bind(client);
  const statements = new Map<string, Database.Statement>();
  const reusable = (sql: string): Bound & { bind(args: unknown[]): Bound } => {
    let statement = statements.get(sql);
    if (statement) statements.delete(sql);
    else {
      statement = prepare(sql);
      if (statements.size >= statementCacheLimits.entries) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    return { ...view(statement, []), bind: (args) => view(statement, args) };
  };
  client.prepare = ((sql: string) =>
    sql.length > statementCacheLimits.sqlChars || statementCacheLimits.entries === 0 ? prepare(sql) : reusable(sql)) as typeof client.prepare;
}

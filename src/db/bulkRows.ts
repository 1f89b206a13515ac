// Statements over many rows or keys at once (the register import), each binding one parameter: the
// rows as a JSON array, unpacked by the database — SQLite's json_each, PostgreSQL's
// json_populate_recordset, which types each field as the table's column. Prisma costs about 9 µs a
// bound parameter in its query compiler and driver adapter (a multi-row INSERT of 900 persons 75 ms
// of CPU, the JSON one 12–27 ms; findMany of 900 ID hashes 60 ms, this 5 ms), and SQLite binds at
// most 999 a statement, which one parameter never reaches. createdAt and updatedAt are the
// caller's to give. Read back alike on both providers: text, integers as numbers, DateTime as Date.
import { Prisma } from '../generated/sqlite/index.js';
import type { Tx } from './audit.js';
import { dbProvider } from './client.js';

/** A column's value; an object or array for a JSON column. */
type Value = string | number | Date | null | object;
type Row = Record<string, Value>;

const name = (c: string) => `"${c}"`;
const names = (cs: readonly string[]) => Prisma.raw(cs.map(name).join(', '));

/** The rows as a table expression with a column of each name, for `SELECT … FROM`. */
function rowsTable(tx: Tx, table: string, columns: readonly string[], rows: Row[]): Prisma.Sql {
  // SQLite keeps a DateTime as Prisma's adapter writes it, ISO 8601 with +00:00, which PostgreSQL's
  // timestamp (without zone) takes as UTC; and a JSON column as its text, where PostgreSQL takes the
  // JSON itself.
  const postgres = dbProvider(tx) === 'postgresql';
  const value = (v: Value) =>
    v instanceof Date ? v.toISOString().replace('Z', '+00:00') : v !== null && typeof v === 'object' && !postgres ? JSON.stringify(v) : v;
  if (postgres) {
    const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c, value(r[c] ?? null)]))));
    return Prisma.sql`(SELECT ${names(columns)} FROM json_populate_recordset(NULL::${Prisma.raw(name(table))}, ${json}::json)) AS rows`;
  }
  // Each row an array, without the column names: Prisma's cost grows with the parameter's length.
  const json = JSON.stringify(rows.map((r) => columns.map((c) => value(r[c] ?? null))));
  const fields = columns.map((c, i) => `value ->> ${i} AS ${name(c)}`).join(', ');
  return Prisma.sql`(SELECT ${Prisma.raw(fields)} FROM json_each(${json})) AS rows`;
}

/**
 * Inserts the rows and answers the `returning` columns of each (both providers take RETURNING),
 * in no promised order: the caller matches them by a column it gave.
 */
export async function insertRows<T = never>(tx: Tx, table: string, rows: Row[], returning: readonly (keyof T & string)[] = []): Promise<T[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const insert = Prisma.sql`INSERT INTO ${Prisma.raw(name(table))} (${names(columns)}) SELECT ${names(columns)} FROM ${rowsTable(tx, table, columns, rows)}`;
  if (returning.length > 0) return tx.$queryRaw<T[]>(Prisma.sql`${insert} RETURNING ${names(returning)}`);
  await tx.$executeRaw(insert);
  return [];
}

/** The distinct `keys` as a table `rows` of the `key` column (or tuple of them). */
function keyRows(tx: Tx, table: string, key: string | readonly string[], keys: readonly (Value | readonly Value[])[]) {
  const columns = typeof key === 'string' ? [key] : key;
  const tuples = typeof key === 'string' ? keys.map((k) => [k as Value]) : (keys as (readonly Value[])[]);
  const distinct = new Map(tuples.map((t) => [JSON.stringify(t), t]));
  const rows = [...distinct.values()].map((t) => Object.fromEntries(columns.map((c, i) => [c, t[i]!])));
  return { columns, rows: rowsTable(tx, table, columns, rows) };
}

/** `key` (a column, or a tuple of them) is one of `keys`. */
function keyIn(tx: Tx, table: string, key: string | readonly string[], keys: readonly (Value | readonly Value[])[]): Prisma.Sql {
  const { columns, rows } = keyRows(tx, table, key, keys);
  return Prisma.sql`(${names(columns)}) IN (SELECT ${names(columns)} FROM ${rows})`;
}

/** The rows of `table` whose columns equal `match` (null: IS NULL) and whose `key` is one of `keys`. */
export async function selectRows<T>(
  tx: Tx,
  table: string,
  columns: readonly (keyof T & string)[],
  match: Record<string, Value>,
  key: string | readonly string[],
  keys: readonly (Value | readonly Value[])[],
): Promise<T[]> {
  if (keys.length === 0) return [];
  const conditions = Object.entries(match).map(([c, v]) =>
    v === null ? Prisma.sql`${Prisma.raw(name(c))} IS NULL` : Prisma.sql`${Prisma.raw(name(c))} = ${v}`,
  );
  if (dbProvider(tx) === 'sqlite' || conditions.length === 0) {
    const where = Prisma.join([...conditions, keyIn(tx, table, key, keys)], ' AND ');
    return tx.$queryRaw<T[]>(Prisma.sql`SELECT ${names(columns)} FROM ${Prisma.raw(name(table))} WHERE ${where}`);
  }
  // PostgreSQL takes a table's size from the table itself but the share of it a match such as
  // `"communityId" = 'c7'` selects from statistics, which lag behind an import: a community new
  // since the last ANALYZE has "one row" by them, and it compared each of the community's cards
  // with each key (3,000 × 900 a batch, 30 ms and growing). With a match, each key is looked up
  // on its own instead, whatever the statistics: a lateral subquery per key, which OFFSET 0 keeps
  // from being merged back into a join. (Without one, hashing the keys against a small table or
  // probing a large one by index are both the planner's to choose, and it does.)
  const { columns: keyColumns, rows } = keyRows(tx, table, key, keys);
  const byKey = keyColumns.map((c) => Prisma.sql`${Prisma.raw(name(c))} = rows.${Prisma.raw(name(c))}`);
  const where = Prisma.join([...conditions, ...byKey], ' AND ');
  return tx.$queryRaw<T[]>(
    Prisma.sql`SELECT found.* FROM ${rows} CROSS JOIN LATERAL (SELECT ${names(columns)} FROM ${Prisma.raw(name(table))} WHERE ${where} OFFSET 0) AS found`,
  );
}

/** Sets `set` on the rows of `table` whose `key` column is one of `keys`; the number of rows changed. */
export async function updateRows(tx: Tx, table: string, set: Row, key: string, keys: readonly Value[]): Promise<number> {
  if (keys.length === 0) return 0;
  const assignments = Prisma.join(
    Object.entries(set).map(([c, v]) => Prisma.sql`${Prisma.raw(name(c))} = ${v}`),
    ', ',
  );
  return tx.$executeRaw(Prisma.sql`UPDATE ${Prisma.raw(name(table))} SET ${assignments} WHERE ${keyIn(tx, table, key, keys)}`);
}

/**
 * Takes the row locks of the rows of `table` whose `key` column is one of `keys`, to the end of the
 * transaction, in the order of the keys: two transactions locking overlapping rows queue and never
 * deadlock. PostgreSQL locks the rows SELECT … ORDER BY … FOR UPDATE returns, one by one in that
 * order; a SQLite transaction holds the database's write lock from its start (createDb), so no
 * other transaction writes meanwhile and there is nothing more to take.
 */
export async function lockRows(tx: Tx, table: string, key: string, keys: readonly Value[]): Promise<void> {
  if (keys.length === 0 || dbProvider(tx) === 'sqlite') return;
  await tx.$queryRaw(
    Prisma.sql`SELECT ${Prisma.raw(name(key))} FROM ${Prisma.raw(name(table))} WHERE ${keyIn(tx, table, key, keys)} ORDER BY ${Prisma.raw(name(key))} FOR UPDATE`,
  );
}

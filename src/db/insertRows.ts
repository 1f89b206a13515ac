// A multi-row INSERT for bulk writes (the register import): Prisma's createMany costs about a
// millisecond a row in its query engine here, the plain statement a third of that. Columns
// without a JSON type only (a JSON parameter would need a cast that differs between SQLite and
// PostgreSQL); createdAt and updatedAt are the caller's to give.
import { Prisma } from '../generated/sqlite/index.js';
import type { Tx } from './audit.js';

/** SQLite binds at most 999 parameters a statement inside a transaction. */
const parametersPerStatement = 900;

export async function insertRows(tx: Tx, table: string, rows: Record<string, string | number | Date | null>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(parametersPerStatement / columns.length));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows.slice(i, i + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((c) => row[c]))})`);
    // Built whole here and passed as one Sql: a template tag would nest this module's Sql objects
    // in the PostgreSQL client's, which does not recognise them and binds them as values.
    await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(values)}`);
  }
}

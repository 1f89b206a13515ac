// Whether an error says the database cannot be reached or is locked right now, rather than that
// the request or the code is wrong: the API answers those 503 with Retry-After and activities
// retry them. The shapes are the ones Prisma 6.19 and its pg and better-sqlite3 adapters really
// throw (provoked in test/api/databaseUnavailable.test.ts): a Prisma error with a connection code,
// or with the adapter's error kind in meta (a raw query's P2010 carries only that), the adapter's
// own DriverAdapterError, and pg's plain Errors for a pool timeout or a connection lost mid-query.

/** Can't reach (P1001), timed out reaching (P1002), operation timed out (P1008), closed (P1017), pool timeout (P2024). */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** The adapters' kinds; better-sqlite3's SQLITE_BUSY arrives as SocketTimeout. */
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** SQLSTATEs: connection exceptions, the server shutting down or starting up, too many connections. */
const postgresStates = /^(08\w{3}|57P0[1-3]|53300)$/;
const driverCodes = /^(SQLITE_BUSY|SQLITE_LOCKED|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)/;
/** pg and pg-pool throw these as plain Errors; P2028's is an interactive transaction that got no connection in time. */
const messages =
  /database is locked|timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Unable to start a transaction in the given time/;

interface ErrorShape {
  name?: unknown;
  host?: unknown;
  port?: unknown;
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** The last non-empty line: Prisma's messages start with a frame of the calling code. */
function lastLine(message: unknown): string {
  if (typeof message !== 'string') return '';
  return (
    message
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? ''
  );
}

/** A short reason such as `P1001 DatabaseNotReachable` or `SQLITE_BUSY database is locked`; undefined for any other error. */
export function databaseUnavailable(err: unknown, depth = 0): string | undefined {
  if (typeof err !== 'object' || err === null || depth > 4) return undefined;
  const e = err as ErrorShape;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const adapter = (e.meta?.driverAdapterError as ErrorShape | undefined)?.cause as ErrorShape | undefined;
  const inner = adapter ?? (e.name === 'DriverAdapterError' ? (e.cause as ErrorShape | undefined) : undefined);
  if (inner) {
    const kind = typeof inner.kind === 'string' ? inner.kind : undefined;
    const original = typeof inner.originalCode === 'string' ? inner.originalCode : undefined;
    const state = kind === 'postgres' && typeof inner.code === 'string' ? inner.code : undefined;
    if ((kind && adapterKinds.has(kind)) || (state && postgresStates.test(state)) || (original && driverCodes.test(original))) {
      const at = typeof inner.host === 'string' ? `${inner.host}:${String(inner.port)}` : undefined;
      return [code, kind === 'postgres' ? undefined : kind, original ?? state, at, lastLine(inner.originalMessage ?? inner.message)].filter(Boolean).join(' ');
    }
  }
  const line = lastLine(e.message);
  if (code && (prismaCodes.has(code) || driverCodes.test(code) || postgresStates.test(code))) return `${code} ${line}`.trim();
  if (messages.test(line)) return line;
  return databaseUnavailable(e.cause, depth + 1);
}

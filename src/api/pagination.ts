// Every list is read a page at a time in a stable order. The body stays the page's array (or the
// list's object); the next page is named in a `Link: <…>; rel="next"` header, absent on the last.
// A cursor is the unique key of the page's last row, opaque to clients and checked on the way in.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { Problem } from './problem.js';

export const pageParams = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(1000).optional(),
};

/** A list's query: its filters plus limit and cursor, unknown parameters refused. */
export function listQuery<S extends z.ZodRawShape>(filters: S) {
  return z.strictObject({ ...filters, ...pageParams });
}

export const intKey = z.strictObject({ id: z.number().int().positive() });
export const stringKey = z.strictObject({ id: z.string().min(1).max(200) });

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<K>(cursor: string, key: z.ZodType<K>): K {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const r = key.safeParse(parsed);
  if (!r.success) throw Problem.field(400, { parameter: 'cursor', message: 'not a cursor this list gave out; follow the Link rel="next" header' });
  return r.data;
}

/** The URL of this request with `cursor` set to the next page. */
function nextUrl(req: Request, cursor: string): string {
  const url = new URL(req.originalUrl, 'http://host');
  url.searchParams.set('cursor', cursor);
  return `${url.pathname}${url.search}`;
}

export interface PageSpec<K, T> {
  limit: number;
  cursor?: string;
  /** The shape of a decoded cursor: the unique key the list is ordered by last. */
  key: z.ZodType<K>;
  /** Reads up to `take` rows after the row with key `cursor` (Prisma's `cursor` + `skip: 1`). */
  find(page: { take: number; skip?: number; cursor?: K }): Promise<T[]>;
  /** The key of a row; by default its `id`. */
  keyOf?(row: T): K;
}

/** Reads one page and sets the Link header; returns the page's rows. */
export async function readPage<K, T>(req: Request, res: Response, spec: PageSpec<K, T>): Promise<T[]> {
  const after = spec.cursor === undefined ? undefined : decodeCursor(spec.cursor, spec.key);
  const rows = await spec.find({ take: spec.limit + 1, ...(after === undefined ? {} : { cursor: after, skip: 1 }) });
  const items = rows.slice(0, spec.limit);
  const keyOf = spec.keyOf ?? ((row: T) => ({ id: (row as { id: unknown }).id }));
  if (rows.length > spec.limit) res.links({ next: nextUrl(req, encodeCursor(keyOf(items.at(-1)!))) });
  return items;
}

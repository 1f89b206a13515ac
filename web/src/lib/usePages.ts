// A list read a page at a time from the server, with the cursors the API hands out in its Link
// header: next follows the header, previous goes back along the cursors already seen.
import { useState } from 'react';
import { useLoad } from './useLoad';

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error?: unknown;
  pageNumber: number;
  hasNext: boolean;
  hasPrevious: boolean;
  next(): void;
  previous(): void;
  reload(): void;
}

/** `load(cursor)` reads one page; a change in `inputs` (compared as JSON) starts from the first page. */
export function usePages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>, inputs: readonly unknown[]): Paged<T> {
  const key = JSON.stringify(inputs);
  const [walk, setWalk] = useState<{ key: string; cursors: (string | undefined)[] }>({ key, cursors: [undefined] });
  const cursors = walk.key === key ? walk.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const loaded = useLoad(() => load(cursor), [cursor, ...inputs]);
  const nextCursor = loaded.data?.next;
  const next = () => {
    if (nextCursor) setWalk({ key, cursors: [...cursors, nextCursor] });
  };
  const previous = () => setWalk({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors });
  return {
    items: loaded.data?.items ?? [],
    loading: loaded.loading,
    error: loaded.error,
    pageNumber: cursors.length,
    hasNext: nextCursor !== undefined,
    hasPrevious: cursors.length > 1,
    next,
    previous,
    reload: loaded.reload,
  };
}

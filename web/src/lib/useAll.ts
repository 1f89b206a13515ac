// A whole (small) list read page after page, for the choices of a select: the communities,
// officers or stations of a county. Tables page on the server instead (usePages).
import { useLoad, type Loaded } from './useLoad';

/** Stops after this many pages, so a runaway list cannot hang the form. */
const maxPages = 20;

export function useAll<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>, inputs: readonly unknown[] = []): Loaded<T[]> {
  return useLoad(async () => {
    const all: T[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < maxPages; n++) {
      const { items, next } = await load(cursor);
      all.push(...items);
      if (!next) break;
      cursor = next;
    }
    return all;
  }, inputs);
}

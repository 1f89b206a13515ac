// The version the editor starts from: the county's version in force today, with its document.
import { api, call, page } from '../../api/client';

export async function versionInForce() {
  // The list is oldest first and short (a county adds a few versions a year); walk it to the mark.
  for (let cursor: string | undefined, first = true; first || cursor; first = false) {
    const { items, next } = await page(api.GET('/rulesets', { params: { query: { cursor, limit: 500 } } }));
    const row = items.find((r) => r.inForce);
    if (row) return call(api.GET('/rulesets/{id}', { params: { path: { id: row.id } } }));
    cursor = next;
  }
  throw new Error('no rule-set version in force');
}

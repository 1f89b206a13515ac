// The communities a leader page names: the one(s) the leader is bound to on a day, and the names
// of any community ids it shows (c07 → 西岸), read from the registry.
import { api, call, page } from '../../api/client';
import { useLoad } from '../../lib/useLoad';

export interface Community {
  id: string;
  name: string;
}

async function namesOf(ids: readonly string[]): Promise<Community[]> {
  return Promise.all([...new Set(ids)].map((id) => call(api.GET('/communities/{id}', { params: { path: { id } } }))));
}

/** The communities the leader is bound to on `day` (YYYY-MM-DD), with their names. */
export function useBoundCommunities(leaderId: string, day: string) {
  return useLoad(async () => {
    const bindings = await page(api.GET('/bindings', { params: { query: { subjectType: 'leader', subjectId: leaderId, at: day } } }));
    return namesOf(bindings.items.map((b) => b.communityId));
  }, [leaderId, day]);
}

/** id → name of the given community ids; an id the registry does not answer stays an id. */
export function useCommunityNames(ids: readonly string[]) {
  const key = [...new Set(ids)].sort();
  const loaded = useLoad(() => namesOf(key), key);
  const names = new Map((loaded.data ?? []).map((c) => [c.id, c.name]));
  return (id: string) => names.get(id) ?? id;
}

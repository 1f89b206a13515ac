// The county's departments by id, for naming who owes figures; a reader's list, so it stays
// empty (ids shown as they are) for a role that may not read it.
import { api, call } from '../api/client';
import { useLoad } from './useLoad';

export function useDepartmentNames(): (id: string) => string {
  const { data } = useLoad(async () => {
    const rows = await call(api.GET('/departments', { params: { query: { limit: 500 } } }));
    return new Map(rows.map((d) => [d.id, d.name]));
  }, []);
  return (id) => data?.get(id) ?? id;
}

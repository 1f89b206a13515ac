// The registry's lists as choices and names: a select of the county's communities (or officers,
// leaders, departments, stations) showing "name(id)", and the name of an id in a table.
import { Select, type SelectProps } from 'antd';
import { api, page } from '../../api/client';
import { useAll } from '../../lib/useAll';

export type EntityKind = 'communities' | 'officers' | 'leaders' | 'departments' | 'stations';

interface Named {
  id: string;
  name: string;
}

// Five explicit calls: the typed client wants each path as a literal.
const lists: Record<EntityKind, (cursor: string | undefined) => Promise<{ items: Named[]; next?: string }>> = {
  communities: (cursor) => page(api.GET('/communities', { params: { query: { cursor, limit: 500 } } })),
  officers: (cursor) => page(api.GET('/officers', { params: { query: { cursor, limit: 500 } } })),
  leaders: (cursor) => page(api.GET('/leaders', { params: { query: { cursor, limit: 500 } } })),
  departments: (cursor) => page(api.GET('/departments', { params: { query: { cursor, limit: 500 } } })),
  stations: (cursor) => page(api.GET('/stations', { params: { query: { cursor, limit: 500 } } })),
};

/** Every community (officer, …) of the caller's county, for choices and names. */
export function useEntities(kind: EntityKind | undefined) {
  return useAll(async (cursor) => (kind ? lists[kind](cursor) : { items: [] }), [kind]);
}

/** "name(id)" of an id, or the id alone while the names load or when it is unknown. */
export function useNameOf(kind: EntityKind): (id: string | null | undefined) => string {
  const { data } = useEntities(kind);
  const names = new Map((data ?? []).map((e) => [e.id, e.name]));
  return (id) => (!id ? '—' : names.has(id) ? `${names.get(id)}(${id})` : id);
}

/**
 * A searchable select of one kind of registry entity; a Form.Item gives it value and onChange.
 * As a filter, `allLabel` names the choice of all of them (value '').
 */
export function EntitySelect({ kind, allLabel, ...props }: { kind: EntityKind; allLabel?: string } & Omit<SelectProps<string>, 'options'>) {
  const { data, loading } = useEntities(kind);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      options={[...(allLabel ? [{ value: '', label: allLabel }] : []), ...(data ?? []).map((e) => ({ value: e.id, label: `${e.name}(${e.id})` }))]}
      {...props}
    />
  );
}

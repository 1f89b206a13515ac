// A community by its name (the id while it loads or if it cannot be read).
import { api, call } from '../../api/client';
import { useLoad } from '../../lib/useLoad';

export function CommunityName({ id }: { id: string }) {
  const loaded = useLoad(() => call(api.GET('/communities/{id}', { params: { path: { id } } })), [id]);
  return <span>{loaded.data?.name ?? id}</span>;
}

// 派出所: the administrative home of officers; bureau staff name and rename them.
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormDrawer } from '../../lib/FormDrawer';
import { usePages } from '../../lib/usePages';
import { RegistryTable } from './RegistryTable';
import { IdNameFields } from './RegistryFields';

const list = (cursor: string | undefined) => page(api.GET('/stations', { params: { query: { cursor } } }));
type Station = Awaited<ReturnType<typeof list>>['items'][number];
interface Values {
  id: string;
  name: string;
}

export default function StationsPage() {
  const t = useT();
  const session = useSession();
  const paged = usePages(list, []);
  const [editing, setEditing] = useState<{ values: Partial<Values>; isNew: boolean }>();
  const save = async (v: Values) => {
    if (editing?.isNew) await call(api.POST('/stations', { body: { id: v.id, name: v.name } }));
    else await call(api.PATCH('/stations/{id}', { params: { path: { id: editing!.values.id! } }, body: { name: v.name } }));
    paged.reload();
  };
  return (
    <>
      <RegistryTable<Station>
        title={t('派出所', 'Police stations')}
        paged={paged}
        createText={t('新建派出所', 'New station')}
        onCreate={session.can('createStation') ? () => setEditing({ values: {}, isNew: true }) : undefined}
        onEdit={session.can('updateStation') ? (s) => setEditing({ values: s, isNew: false }) : undefined}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('编号', 'Id') },
          { key: 'name', dataIndex: 'name', title: t('名称', 'Name') },
        ]}
      />
      <FormDrawer<Values>
        title={editing?.isNew ? t('新建派出所', 'New station') : t(`编辑派出所 ${editing?.values.id ?? ''}`, `Edit station ${editing?.values.id ?? ''}`)}
        initialValues={editing?.values}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      >
        <IdNameFields isNew={!!editing?.isNew} />
      </FormDrawer>
    </>
  );
}

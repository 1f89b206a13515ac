// 联系社区局领导 and 局机关部门: both a name and an email for notices, kept alike by bureau staff.
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormDrawer } from '../../lib/FormDrawer';
import { usePages } from '../../lib/usePages';
import { emailOrNull } from './labels';
import { RegistryTable } from './RegistryTable';
import { EmailField, IdNameFields } from './RegistryFields';

interface Person {
  id: string;
  name: string;
  email: string | null;
}
interface Values {
  id: string;
  name: string;
  email?: string | null;
}
type Kind = 'leaders' | 'departments';

// The typed client wants each path as a literal, so each kind spells its three calls.
const calls: Record<
  Kind,
  { list(cursor?: string): Promise<{ items: Person[]; next?: string }>; create(v: Values): Promise<unknown>; update(v: Values): Promise<unknown> }
> = {
  leaders: {
    list: (cursor) => page(api.GET('/leaders', { params: { query: { cursor } } })),
    create: (v) => call(api.POST('/leaders', { body: { id: v.id, name: v.name, email: emailOrNull(v.email) } })),
    update: (v) => call(api.PATCH('/leaders/{id}', { params: { path: { id: v.id } }, body: { name: v.name, email: emailOrNull(v.email) } })),
  },
  departments: {
    list: (cursor) => page(api.GET('/departments', { params: { query: { cursor } } })),
    create: (v) => call(api.POST('/departments', { body: { id: v.id, name: v.name, email: emailOrNull(v.email) } })),
    update: (v) => call(api.PATCH('/departments/{id}', { params: { path: { id: v.id } }, body: { name: v.name, email: emailOrNull(v.email) } })),
  },
};

export default function PeoplePage({ kind }: { kind: Kind }) {
  const t = useT();
  const session = useSession();
  const paged = usePages((cursor) => calls[kind].list(cursor), [kind]);
  const [editing, setEditing] = useState<{ values: Partial<Values>; isNew: boolean }>();
  const words =
    kind === 'leaders'
      ? { title: t('联系社区局领导', 'Liaison leaders'), one: t('局领导', 'leader'), create: 'createLeader', update: 'updateLeader' }
      : { title: t('局机关部门', 'Bureau departments'), one: t('部门', 'department'), create: 'createDepartment', update: 'updateDepartment' };
  const save = async (v: Values) => {
    await (editing?.isNew ? calls[kind].create(v) : calls[kind].update({ ...v, id: editing!.values.id! }));
    paged.reload();
  };
  return (
    <>
      <RegistryTable<Person>
        title={words.title}
        paged={paged}
        createText={t(`新建${words.one}`, `New ${words.one}`)}
        onCreate={session.can(words.create) ? () => setEditing({ values: {}, isNew: true }) : undefined}
        onEdit={session.can(words.update) ? (p) => setEditing({ values: p, isNew: false }) : undefined}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('编号', 'Id') },
          { key: 'name', dataIndex: 'name', title: t('名称', 'Name') },
          { key: 'email', dataIndex: 'email', title: t('电子邮箱', 'Email'), render: (e: string | null) => e ?? '—' },
        ]}
      />
      <FormDrawer<Values>
        title={
          editing?.isNew
            ? t(`新建${words.one}`, `New ${words.one}`)
            : t(`编辑${words.one} ${editing?.values.id ?? ''}`, `Edit ${words.one} ${editing?.values.id ?? ''}`)
        }
        initialValues={editing?.values}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      >
        <IdNameFields isNew={!!editing?.isNew} />
        <EmailField />
      </FormDrawer>
    </>
  );
}

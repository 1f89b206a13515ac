// 社区民警: the county's officers with their station and email; a row opens the officer's
// postings. Bureau staff create an officer (posted to a community from today if one is chosen)
// and change name, email and station.
import { Form } from 'antd';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormDrawer } from '../../lib/FormDrawer';
import { usePages } from '../../lib/usePages';
import { EntitySelect, useNameOf } from './entities';
import { emailOrNull } from './labels';
import { OfficerPostings } from './OfficerPostings';
import { RegistryTable } from './RegistryTable';
import { EmailField, IdNameFields } from './RegistryFields';

const list = (cursor: string | undefined) => page(api.GET('/officers', { params: { query: { cursor } } }));
type Officer = Awaited<ReturnType<typeof list>>['items'][number];
interface Values {
  id: string;
  name: string;
  email?: string | null;
  stationId?: string | null;
  communityId?: string;
}

export default function OfficersPage() {
  const t = useT();
  const session = useSession();
  const paged = usePages(list, []);
  const station = useNameOf('stations');
  const [editing, setEditing] = useState<{ values: Partial<Values>; isNew: boolean }>();
  const save = async (v: Values) => {
    const email = emailOrNull(v.email);
    if (editing?.isNew) {
      await call(
        api.POST('/officers', {
          body: {
            id: v.id,
            name: v.name,
            ...(email ? { email } : {}),
            ...(v.stationId ? { stationId: v.stationId } : {}),
            ...(v.communityId ? { communityId: v.communityId } : {}),
          },
        }),
      );
    } else {
      await call(api.PATCH('/officers/{id}', { params: { path: { id: editing!.values.id! } }, body: { name: v.name, email, stationId: v.stationId ?? null } }));
    }
    paged.reload();
  };
  return (
    <>
      <RegistryTable<Officer>
        title={t('社区民警', 'Community officers')}
        paged={paged}
        createText={t('新建民警', 'New officer')}
        onCreate={session.can('createOfficer') ? () => setEditing({ values: {}, isNew: true }) : undefined}
        onEdit={session.can('updateOfficer') ? (o) => setEditing({ values: o, isNew: false }) : undefined}
        expandable={session.can('listOfficerPostings') ? { expandedRowRender: (o) => <OfficerPostings officerId={o.id} /> } : undefined}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('警号', 'Id') },
          { key: 'name', dataIndex: 'name', title: t('姓名', 'Name') },
          { key: 'station', title: t('所属派出所', 'Station'), render: (_, o) => station(o.stationId) },
          { key: 'email', dataIndex: 'email', title: t('电子邮箱', 'Email'), render: (e: string | null) => e ?? '—' },
        ]}
      />
      <FormDrawer<Values>
        title={editing?.isNew ? t('新建民警', 'New officer') : t(`编辑民警 ${editing?.values.id ?? ''}`, `Edit officer ${editing?.values.id ?? ''}`)}
        initialValues={editing?.values}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      >
        <IdNameFields isNew={!!editing?.isNew} idWord="警号" nameWord="姓名" />
        <EmailField />
        <Form.Item name="stationId" label={t('所属派出所', 'Station')}>
          <EntitySelect kind="stations" allowClear />
        </Form.Item>
        {editing?.isNew && (
          <Form.Item
            name="communityId"
            label={t('任职社区', 'Posted to community')}
            extra={t('从今天起在该社区任职;责任捆绑另行建立', 'Posted from today; the binding is made separately')}
          >
            <EntitySelect kind="communities" allowClear />
          </Form.Item>
        )}
      </FormDrawer>
    </>
  );
}

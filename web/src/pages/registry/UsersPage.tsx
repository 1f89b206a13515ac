// 用户与邀请: the county's users with their role and state. Bureau staff invite a user (the role,
// and for an officer, leader, department or station the registry entry they are), hand over the
// one-time code, issue a new code when one is lost or expired, and disable a user.
import { Badge, Button, Flex, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { roleLabels, roles, subjectOfRole, type Role } from '../../../../src/contracts/roles';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { roleLabelsEn } from '../../app/Shell';
import { FormDrawer } from '../../lib/FormDrawer';
import { formatDateTime } from '../../lib/format';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { EntitySelect } from './entities';
import { InvitationCode, type Issued } from './InvitationCode';
import { RegistryTable } from './RegistryTable';

interface Filters {
  role?: Role;
  disabled?: 'true' | 'false';
}
const list = (f: Filters, cursor: string | undefined) => page(api.GET('/users', { params: { query: { ...f, cursor } } }));
type User = Awaited<ReturnType<typeof list>>['items'][number];
interface Invite {
  id: string;
  displayName: string;
  role: Role;
  subjectId?: string;
}

/** Where the users of each role are in the registry. */
const subjectKinds = { officer: 'officers', leader: 'leaders', department: 'departments', station: 'stations' } as const;
/** A province reader is invited by the machine's operator, not by a county's staff. */
const invitable = roles.filter((r) => r !== 'province-reader');

function useRoleLabel() {
  const { lang } = useI18n();
  return (role: Role) => (lang === 'zh' ? roleLabels[role] : roleLabelsEn[role]);
}

/** The role and, when the role is someone in the registry, which one. */
function RoleFields() {
  const { t } = useI18n();
  const roleLabel = useRoleLabel();
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>('role', form);
  const subject = role ? subjectOfRole[role] : null;
  return (
    <>
      <Form.Item name="role" label={t('角色', 'Role')} rules={[{ required: true, message: t('请选择角色', 'Choose a role') }]}>
        <Select options={invitable.map((r) => ({ value: r, label: roleLabel(r) }))} onChange={() => form.setFieldValue('subjectId', undefined)} />
      </Form.Item>
      {subject && (
        <Form.Item
          name="subjectId"
          label={t('对应人员或单位', 'Who they are in the registry')}
          rules={[{ required: true, message: t('请选择对应的人员或单位', 'Choose their registry entry') }]}
        >
          <EntitySelect kind={subjectKinds[subject]} />
        </Form.Item>
      )}
    </>
  );
}

export default function UsersPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const roleLabel = useRoleLabel();
  const [filters, setFilters] = useState<Filters>({});
  const paged = usePages((cursor) => list(filters, cursor), [filters]);
  const [inviting, setInviting] = useState<Partial<Invite>>();
  const [issued, setIssued] = useState<Issued>();
  const [error, setError] = useState<unknown>();

  const invite = async (v: Invite) => {
    setIssued(
      await call(
        api.POST('/users', { body: { id: v.id.trim(), displayName: v.displayName, role: v.role, ...(v.subjectId ? { subjectId: v.subjectId } : {}) } }),
      ),
    );
    paged.reload();
  };
  const act = async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  const reissue = (id: string) => act(async () => setIssued(await call(api.POST('/users/{id}/invitations', { params: { path: { id } } }))));
  const disable = (id: string) => act(async () => void (await call(api.POST('/users/{id}/disable', { params: { path: { id } } }))));

  const state = (u: User) =>
    u.disabledAt ? (
      <Badge status="error" text={t('已停用', 'Disabled')} />
    ) : u.passwordSet ? (
      <Badge status="success" text={t('已启用', 'Active')} />
    ) : (
      <Badge status="warning" text={t('待接受邀请', 'Invited')} />
    );
  const actions = (u: User) =>
    !u.disabledAt && (
      <Space wrap>
        {session.can('reissueInvitation') && (
          <Popconfirm
            title={t('重新生成邀请码?', 'Issue a new code?')}
            description={t(
              '之前的邀请码作废;对方用新码设置密码后,原密码失效。',
              'Earlier codes stop working; a password set with the new code replaces the old one.',
            )}
            onConfirm={() => reissue(u.id)}
          >
            <Button size="small">{t('重新生成邀请码', 'New code')}</Button>
          </Popconfirm>
        )}
        {session.can('disableUser') && u.id !== session.userId && (
          <Popconfirm
            title={t(`停用 ${u.displayName}?`, `Disable ${u.displayName}?`)}
            description={t('停用后其登录、令牌和未用邀请码立即失效。', 'Their sessions, tokens and unused codes end at once.')}
            onConfirm={() => disable(u.id)}
          >
            <Button size="small" danger>
              {t('停用', 'Disable')}
            </Button>
          </Popconfirm>
        )}
      </Space>
    );

  return (
    <>
      <ProblemAlert error={error} onClose={() => setError(undefined)} />
      <RegistryTable<User>
        title={t('用户与邀请', 'Users and invitations')}
        paged={paged}
        createText={t('邀请用户', 'Invite a user')}
        onCreate={session.can('inviteUser') ? () => setInviting({}) : undefined}
        filters={
          <Flex wrap gap={12} style={{ marginBottom: 16 }}>
            <Select
              aria-label={t('按角色筛选', 'Filter by role')}
              style={{ minWidth: 180 }}
              options={[{ value: '', label: t('全部角色', 'All roles') }, ...roles.map((r) => ({ value: r, label: roleLabel(r) }))]}
              value={filters.role ?? ''}
              onChange={(role: Role | '') => setFilters({ ...filters, role: role || undefined })}
            />
            <Select
              aria-label={t('按状态筛选', 'Filter by state')}
              style={{ minWidth: 140 }}
              options={[
                { value: '', label: t('全部状态', 'Any state') },
                { value: 'false', label: t('未停用', 'Not disabled') },
                { value: 'true', label: t('已停用', 'Disabled') },
              ]}
              value={filters.disabled ?? ''}
              onChange={(disabled: Filters['disabled'] | '') => setFilters({ ...filters, disabled: disabled || undefined })}
            />
          </Flex>
        }
        columns={[
          { key: 'id', dataIndex: 'id', title: t('登录名', 'Sign-in name') },
          { key: 'name', dataIndex: 'displayName', title: t('姓名', 'Name') },
          { key: 'role', title: t('角色', 'Role'), render: (_, u) => roleLabel(u.role) },
          { key: 'subject', dataIndex: 'subjectId', title: t('对应人员或单位', 'Registry entry'), render: (s: string | null) => s ?? '—' },
          { key: 'state', title: t('状态', 'State'), render: (_, u) => state(u) },
          { key: 'created', title: t('创建时间', 'Created'), render: (_, u) => formatDateTime(u.createdAt, session.timeZone, lang) },
          { key: 'actions', title: t('操作', 'Actions'), render: (_, u) => actions(u) },
        ]}
      />
      <FormDrawer<Invite>
        title={t('邀请用户', 'Invite a user')}
        submitText={t('生成邀请码', 'Create the code')}
        initialValues={inviting}
        onClose={() => setInviting(undefined)}
        onSubmit={invite}
      >
        <Form.Item
          name="id"
          label={t('登录名', 'Sign-in name')}
          extra={t('字母、数字或 _ . : -', 'Letters, digits or _ . : -')}
          rules={[{ required: true, message: t('请输入登录名', 'Enter a sign-in name') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('姓名', 'Name')} rules={[{ required: true, message: t('请输入姓名', 'Enter a name') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <RoleFields />
      </FormDrawer>
      <InvitationCode issued={issued} onClose={() => setIssued(undefined)} />
    </>
  );
}

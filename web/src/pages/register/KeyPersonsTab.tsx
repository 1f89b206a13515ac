// 重点人口: the community's key persons with their help group (社区民警, 治保干部, 家长) — complete
// or not —, their last talk and when the next is due (late ones in red); the keepers log a talk
// and set a help-group member, each in a drawer whose field errors come from the API.
import { Button, DatePicker, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { register, type HelpGroupRole, type KeyPerson, type KeyPersonStatus } from '../../api/register';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { FormDrawer } from '../../lib/FormDrawer';
import { ProblemAlert } from '../../lib/problem';
import { todayIn } from '../../lib/today';
import { useLoad } from '../../lib/useLoad';
import { helpGroupRoles, roleLabel, roleOptions } from './labels';
import { MaskedId } from './MaskedId';
import { DueOn } from './DueOn';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

interface TalkValues {
  talkedOn: Dayjs;
  byRole: HelpGroupRole;
  summary: string;
}
interface MemberValues {
  role: HelpGroupRole;
  name: string;
  phone?: string;
  officerId?: string;
  fromDate: Dayjs;
}

export function KeyPersonsTab({ communityId, keeps }: { communityId: string; keeps: boolean }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const today = todayIn(session.timeZone);
  const [status, setStatus] = useState<KeyPersonStatus>('listed');
  const loaded = useLoad(() => register.keyPersons(communityId, status), [communityId, status]);
  const [talkWith, setTalkWith] = useState<KeyPerson>();
  const [groupOf, setGroupOf] = useState<KeyPerson>();
  const date = (d: string | null) => formatDate(d, session.timeZone, lang);
  const required = (zh: string, en: string) => [{ required: true, message: t(zh, en) }];

  return (
    <>
      <ProblemAlert error={loaded.error} />
      <Segmented<KeyPersonStatus>
        aria-label={t('列管状态', 'Listing status')}
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'listed', label: t('在管', 'Listed') },
          { value: 'delisted', label: t('已撤管', 'Delisted') },
          { value: 'all', label: t('全部', 'All') },
        ]}
      />
      <Table<KeyPerson>
        aria-label={t('重点人口', 'Key persons')}
        rowKey="id"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('没有重点人口', 'No key persons') }}
        columns={[
          { title: t('姓名', 'Name'), key: 'name', render: (_, k) => k.person.name },
          {
            title: t('身份证号', 'ID number'),
            key: 'id',
            render: (_, k) => <MaskedId personId={k.person.id} masked={k.person.idNumber} name={k.person.name} />,
          },
          { title: t('类别', 'Category'), dataIndex: 'category' },
          { title: t('列管日期', 'Listed on'), dataIndex: 'listedOn', render: date },
          {
            title: t('帮教小组', 'Help group'),
            key: 'group',
            render: (_, k) => (
              <Space direction="vertical" size={2}>
                {helpGroupRoles.map((role) => {
                  const m = k.helpGroup[role];
                  return (
                    <span key={role}>
                      {roleLabel(role, t)}:{m ? m.name : <Typography.Text type="danger">{t('缺', 'missing')}</Typography.Text>}
                    </span>
                  );
                })}
                {k.complete ? <Tag color="green">{t('齐全', 'Complete')}</Tag> : <Tag color="red">{t('不齐全', 'Incomplete')}</Tag>}
              </Space>
            ),
          },
          { title: t('最近谈话', 'Last talk'), dataIndex: 'lastTalkOn', render: (d: string | null) => (d ? date(d) : t('从未谈话', 'never')) },
          {
            title: t('下次谈话截止', 'Next talk due'),
            dataIndex: 'talkDueOn',
            render: (d: string | null) => <DueOn day={d} />,
          },
          ...(keeps
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'actions',
                  render: (_: unknown, k: KeyPerson) =>
                    k.delistedOn ? null : (
                      <Space wrap>
                        <Button size="small" onClick={() => setTalkWith(k)} aria-label={t(`记录谈话 · ${k.person.name}`, `Log a talk · ${k.person.name}`)}>
                          {t('记录谈话', 'Log a talk')}
                        </Button>
                        <Button size="small" onClick={() => setGroupOf(k)} aria-label={t(`设置帮教成员 · ${k.person.name}`, `Set a member · ${k.person.name}`)}>
                          {t('设置帮教成员', 'Set a member')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <FormDrawer<TalkValues>
        title={t(`记录与 ${talkWith?.person.name ?? ''} 的谈话`, `A talk with ${talkWith?.person.name ?? ''}`)}
        initialValues={talkWith && { talkedOn: dayjs(today), byRole: 'officer' }}
        onClose={() => setTalkWith(undefined)}
        submitText={t('记录谈话', 'Log the talk')}
        onSubmit={async (v) => {
          await register.logTalk(talkWith!.id, { talkedOn: day(v.talkedOn), byRole: v.byRole, summary: v.summary });
          loaded.reload();
        }}
      >
        <Form.Item name="talkedOn" label={t('谈话日期', 'Date of the talk')} rules={required('请选择日期', 'Choose the day')}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="byRole" label={t('谈话人', 'Talked by')} rules={required('请选择谈话人', 'Choose who talked')}>
          <Select options={roleOptions(t)} />
        </Form.Item>
        <Form.Item name="summary" label={t('谈话内容', 'Summary')} rules={required('请填写谈话内容', 'Say what was talked about')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </FormDrawer>
      <FormDrawer<MemberValues>
        title={t(`设置 ${groupOf?.person.name ?? ''} 的帮教成员`, `A help-group member of ${groupOf?.person.name ?? ''}`)}
        initialValues={groupOf && { role: helpGroupRoles.find((r) => !groupOf.helpGroup[r]) ?? 'officer', fromDate: dayjs(today) }}
        onClose={() => setGroupOf(undefined)}
        onSubmit={async ({ role, fromDate, ...member }) => {
          await register.setHelpGroupMember(groupOf!.id, role, { ...member, fromDate: day(fromDate) });
          loaded.reload();
        }}
      >
        <Form.Item name="role" label={t('成员', 'Member')} rules={required('请选择成员', 'Choose the member')}>
          <Select options={roleOptions(t)} />
        </Form.Item>
        <Form.Item name="name" label={t('姓名', 'Name')} rules={required('请填写姓名', 'Give the name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('联系电话', 'Phone')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="officerId" label={t('民警编号(社区民警填写)', 'Officer id (for the community officer)')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="fromDate" label={t('起始日期', 'From')} rules={required('请选择日期', 'Choose the day')}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}

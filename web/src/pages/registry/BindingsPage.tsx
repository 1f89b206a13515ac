// 责任捆绑: who answers for which community over which days — the community's officers, its
// liaison leader and its liaison department. Bureau staff bind a subject from a day, and end a
// binding on a day; the list filters by community, kind and the day it holds on.
import { Badge, Button, DatePicker, Flex, Form, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { FormDrawer } from '../../lib/FormDrawer';
import { todayIn } from '../../lib/today';
import { usePages } from '../../lib/usePages';
import { EntitySelect, useNameOf } from './entities';
import { subjectKind, subjectTypeLabel, type SubjectType } from './labels';
import { RegistryTable } from './RegistryTable';

interface Filters {
  communityId?: string;
  subjectType?: SubjectType;
  at?: string;
}
const list = (f: Filters, cursor: string | undefined) => page(api.GET('/bindings', { params: { query: { ...f, cursor } } }));
type Binding = Awaited<ReturnType<typeof list>>['items'][number];
interface NewBinding {
  communityId: string;
  subjectType: SubjectType;
  subjectId: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The kind and the subject of a new binding: the subjects offered follow the kind chosen. */
function SubjectFields({ typeOptions }: { typeOptions: { value: SubjectType; label: string }[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const type = Form.useWatch<SubjectType | undefined>('subjectType', form);
  return (
    <>
      <Form.Item name="subjectType" label={t('类型', 'Kind')} rules={[{ required: true, message: t('请选择类型', 'Choose a kind') }]}>
        <Select options={typeOptions} onChange={() => form.setFieldValue('subjectId', undefined)} />
      </Form.Item>
      <Form.Item name="subjectId" label={t('责任人', 'Bound subject')} rules={[{ required: true, message: t('请选择责任人', 'Choose who is bound') }]}>
        <EntitySelect kind={type ? subjectKind[type] : 'officers'} disabled={!type} />
      </Form.Item>
    </>
  );
}

export default function BindingsPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const today = todayIn(session.timeZone);
  const [filters, setFilters] = useState<Filters>({ at: today });
  const paged = usePages((cursor) => list(filters, cursor), [filters]);
  const community = useNameOf('communities');
  const names = { officer: useNameOf('officers'), leader: useNameOf('leaders'), department: useNameOf('departments') };
  const [creating, setCreating] = useState<Partial<NewBinding>>();
  const [ending, setEnding] = useState<Binding>();
  const typeOptions = (['officer', 'leader', 'department'] as const).map((v) => ({ value: v, label: subjectTypeLabel(v, t) }));

  const create = async (v: NewBinding) => {
    const effectiveTo = day(v.effectiveTo);
    await call(
      api.POST('/bindings', {
        body: {
          communityId: v.communityId,
          subjectType: v.subjectType,
          subjectId: v.subjectId,
          effectiveFrom: day(v.effectiveFrom)!,
          ...(effectiveTo ? { effectiveTo } : {}),
        },
      }),
    );
    paged.reload();
  };
  const end = async (v: { effectiveTo: Dayjs }) => {
    await call(api.PATCH('/bindings/{id}', { params: { path: { id: ending!.id } }, body: { effectiveTo: day(v.effectiveTo) } }));
    paged.reload();
  };
  const mayEnd = (b: Binding) => session.can('updateBinding') && (b.effectiveTo === null || b.effectiveTo > today);

  return (
    <>
      <RegistryTable<Binding>
        title={t('责任捆绑', 'Bindings')}
        paged={paged}
        createText={t('建立捆绑', 'New binding')}
        onCreate={session.can('createBinding') ? () => setCreating({ effectiveFrom: dayjs(today) }) : undefined}
        filters={
          <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
            <EntitySelect
              kind="communities"
              allLabel={t('全部社区', 'All communities')}
              aria-label={t('按社区筛选', 'Filter by community')}
              style={{ minWidth: 200 }}
              value={filters.communityId ?? ''}
              onChange={(communityId) => setFilters({ ...filters, communityId: communityId || undefined })}
            />
            <Select
              aria-label={t('按类型筛选', 'Filter by kind')}
              style={{ minWidth: 160 }}
              options={[{ value: '', label: t('全部类型', 'All kinds') }, ...typeOptions]}
              value={filters.subjectType ?? ''}
              onChange={(subjectType: SubjectType | '') => setFilters({ ...filters, subjectType: subjectType || undefined })}
            />
            <label>
              <Switch size="small" checked={filters.at !== undefined} onChange={(on) => setFilters({ ...filters, at: on ? today : undefined })} />{' '}
              {t('只看今天有效的', 'In force today only')}
            </label>
          </Flex>
        }
        columns={[
          { key: 'community', title: t('社区', 'Community'), render: (_, b) => community(b.communityId) },
          { key: 'type', title: t('类型', 'Kind'), render: (_, b) => subjectTypeLabel(b.subjectType, t) },
          { key: 'subject', title: t('责任人', 'Bound subject'), render: (_, b) => names[b.subjectType](b.subjectId) },
          { key: 'from', title: t('起始日期', 'From'), render: (_, b) => formatDate(b.effectiveFrom, session.timeZone, lang) },
          {
            key: 'to',
            title: t('结束日期', 'To'),
            render: (_, b) => (b.effectiveTo ? formatDate(b.effectiveTo, session.timeZone, lang) : <Badge status="success" text={t('长期有效', 'Open')} />),
          },
          {
            key: 'actions',
            title: t('操作', 'Actions'),
            render: (_, b) =>
              mayEnd(b) && (
                <Button size="small" danger onClick={() => setEnding(b)}>
                  {t('结束', 'End')}
                </Button>
              ),
          },
        ]}
      />
      <FormDrawer<NewBinding>
        title={t('建立责任捆绑', 'New binding')}
        submitText={t('建立', 'Bind')}
        initialValues={creating}
        onClose={() => setCreating(undefined)}
        onSubmit={create}
      >
        <Form.Item name="communityId" label={t('社区', 'Community')} rules={[{ required: true, message: t('请选择社区', 'Choose a community') }]}>
          <EntitySelect kind="communities" />
        </Form.Item>
        <SubjectFields typeOptions={typeOptions} />
        <Form.Item name="effectiveFrom" label={t('起始日期', 'From')} rules={[{ required: true, message: t('请选择起始日期', 'Choose the first day') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveTo" label={t('结束日期', 'To')} extra={t('不填则长期有效', 'Leave empty for an open binding')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormDrawer>
      <FormDrawer<{ effectiveTo: Dayjs }>
        title={
          ending
            ? t(
                `结束捆绑:${community(ending.communityId)} · ${names[ending.subjectType](ending.subjectId)}`,
                `End binding: ${ending.subjectId} at ${ending.communityId}`,
              )
            : ''
        }
        submitText={t('结束捆绑', 'End binding')}
        initialValues={ending ? { effectiveTo: dayjs(today < ending.effectiveFrom ? ending.effectiveFrom : today) } : undefined}
        onClose={() => setEnding(undefined)}
        onSubmit={end}
      >
        <Form.Item
          name="effectiveTo"
          label={t('最后一天', 'Last day')}
          extra={t('捆绑在这一天结束(含当天)', 'The binding holds through this day')}
          rules={[{ required: true, message: t('请选择最后一天', 'Choose the last day') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}

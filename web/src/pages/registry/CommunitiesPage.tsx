// 社区: the county's communities with population, complexity (1–5) and urban or rural; bureau
// staff create and edit them. A pending rural reassignment of the office is flagged.
import { Badge, Form, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { FormDrawer } from '../../lib/FormDrawer';
import { usePages } from '../../lib/usePages';
import { areaLabel } from './labels';
import { RegistryTable } from './RegistryTable';
import { IdNameFields } from './RegistryFields';

const list = (cursor: string | undefined) => page(api.GET('/communities', { params: { query: { cursor } } }));
type Community = Awaited<ReturnType<typeof list>>['items'][number];
type Values = Pick<Community, 'id' | 'name' | 'population' | 'complexity' | 'area'>;

export default function CommunitiesPage() {
  const t = useT();
  const session = useSession();
  const paged = usePages(list, []);
  const [editing, setEditing] = useState<{ values: Partial<Values>; isNew: boolean }>();
  const save = async ({ id, ...fields }: Values) => {
    if (editing?.isNew) await call(api.POST('/communities', { body: { id, ...fields } }));
    else await call(api.PATCH('/communities/{id}', { params: { path: { id: editing!.values.id! } }, body: fields }));
    paged.reload();
  };
  return (
    <>
      <RegistryTable<Community>
        title={t('社区', 'Communities')}
        paged={paged}
        createText={t('新建社区', 'New community')}
        onCreate={session.can('createCommunity') ? () => setEditing({ values: { area: 'urban', complexity: 3 }, isNew: true }) : undefined}
        onEdit={session.can('updateCommunity') ? (c) => setEditing({ values: c, isNew: false }) : undefined}
        columns={[
          { key: 'id', dataIndex: 'id', title: t('编号', 'Id') },
          {
            key: 'name',
            title: t('名称', 'Name'),
            render: (_, c) => (
              <>
                {c.name} {c.pendingReassignment && <Badge status="warning" text={t('调整岗位待确认', 'Reassignment pending')} />}
              </>
            ),
          },
          { key: 'population', dataIndex: 'population', title: t('人口', 'Population'), align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
          { key: 'complexity', dataIndex: 'complexity', title: t('复杂程度', 'Complexity'), align: 'right' },
          { key: 'area', dataIndex: 'area', title: t('类型', 'Area'), render: (a: Community['area']) => areaLabel(a, t) },
        ]}
      />
      <FormDrawer<Values>
        title={editing?.isNew ? t('新建社区', 'New community') : t(`编辑社区 ${editing?.values.id ?? ''}`, `Edit community ${editing?.values.id ?? ''}`)}
        initialValues={editing?.values}
        onClose={() => setEditing(undefined)}
        onSubmit={save}
      >
        <IdNameFields isNew={!!editing?.isNew} />
        <Form.Item name="population" label={t('人口', 'Population')} rules={[{ required: true, message: t('请输入人口', 'Enter the population') }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="complexity"
          label={t('复杂程度', 'Complexity')}
          extra={t('1(简单)至 5(复杂)', '1 (simple) to 5 (complex)')}
          rules={[{ required: true, message: t('请输入复杂程度', 'Enter the complexity') }]}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="area" label={t('类型', 'Area')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'urban', label: areaLabel('urban', t) },
              { value: 'rural', label: areaLabel('rural', t) },
            ]}
          />
        </Form.Item>
      </FormDrawer>
    </>
  );
}

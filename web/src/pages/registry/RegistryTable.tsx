// One registry list: its heading, a create button for those who may create, the server-paged
// table with an edit action for those who may edit, and the list's error if it failed to load.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import type { Paged } from '../../lib/usePages';

export interface RegistryTableProps<T extends { id: string | number }> {
  title: string;
  paged: Paged<T>;
  columns: NonNullable<TableProps<T>['columns']>;
  /** Shown only to those who may create. */
  onCreate?: () => void;
  createText?: string;
  /** Shown only to those who may edit. */
  onEdit?: (row: T) => void;
  /** Filters between the heading and the table. */
  filters?: ReactNode;
  expandable?: TableProps<T>['expandable'];
}

export function RegistryTable<T extends { id: string | number }>({
  title,
  paged,
  columns,
  onCreate,
  createText,
  onEdit,
  filters,
  expandable,
}: RegistryTableProps<T>) {
  const t = useT();
  const actions: NonNullable<TableProps<T>['columns']> = onEdit
    ? [
        {
          key: 'actions',
          title: t('操作', 'Actions'),
          render: (_: unknown, row: T) => (
            <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(row)}>
              {t('编辑', 'Edit')}
            </Button>
          ),
        },
      ]
    : [];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {onCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
            {createText ?? t('新建', 'New')}
          </Button>
        )}
      </Flex>
      {filters}
      <ProblemAlert error={paged.error} />
      <Table<T>
        aria-label={title}
        rowKey="id"
        size="middle"
        loading={paged.loading}
        dataSource={paged.items}
        columns={[...columns, ...actions]}
        pagination={false}
        scroll={{ x: true }}
        expandable={expandable}
      />
      <PageControls paged={paged} />
    </>
  );
}

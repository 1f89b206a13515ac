// A refused file's errors by line and column (第 3 行 · value · …), as the API names them: the
// department's CSV of figures and the register's import both show them so.
import { Table } from 'antd';
import type { FieldError } from '../api/client';
import { useT } from '../app/i18n';

export function LocatedErrors({ errors, caption }: { errors: readonly FieldError[]; caption: string }) {
  const t = useT();
  return (
    <Table
      aria-label={caption}
      size="small"
      rowKey={(_, i) => String(i)}
      dataSource={errors as FieldError[]}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t('行', 'Line'), dataIndex: 'line', render: (line?: number) => (line === undefined ? '—' : t(`第 ${line} 行`, `line ${line}`)) },
        { title: t('列', 'Column'), dataIndex: 'column', render: (column?: string) => column ?? '—' },
        { title: t('问题', 'Problem'), dataIndex: 'message' },
      ]}
    />
  );
}

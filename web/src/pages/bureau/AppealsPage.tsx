// 申诉裁决: the county's appeals a page at a time from the server, open ones first by default;
// opening one (appeals/:id) shows it beside the list with the decision form.
import { Badge, Button, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { AppealDrawer } from './AppealDrawer';
import { appealStatusLabels, appealStatuses, type AppealStatus } from './appealWords';

export default function AppealsPage() {
  const { lang, t } = useI18n();
  const { timeZone } = useSession();
  const navigate = useNavigate();
  const { id } = useParams();
  const [status, setStatus] = useState<AppealStatus | 'all'>('open');
  const paged = usePages(
    (cursor) => page(api.GET('/appeals', { params: { query: { cursor, limit: 20, ...(status === 'all' ? {} : { status }) } } })),
    [status],
  );
  return (
    <>
      <Typography.Title level={2}>{t('申诉裁决', 'Appeals')}</Typography.Title>
      <Segmented
        aria-label={t('按状态筛选', 'Filter by status')}
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => setStatus(v)}
        options={[...appealStatuses.map((s) => ({ value: s, label: appealStatusLabels[s][lang] })), { value: 'all' as const, label: t('全部', 'All') }]}
      />
      <ProblemAlert error={paged.error} />
      <Table
        aria-label={t('申诉列表', 'Appeals')}
        rowKey="id"
        size="middle"
        loading={paged.loading}
        dataSource={paged.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('没有申诉', 'No appeals') }}
        columns={[
          { title: t('编号', 'No.'), dataIndex: 'id' },
          { title: t('民警', 'Officer'), dataIndex: 'officerId' },
          { title: t('社区', 'Community'), dataIndex: 'communityId' },
          { title: t('考核周期', 'Cycle'), dataIndex: 'cycleId' },
          { title: t('申诉事由', 'Reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('提出时间', 'Filed'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, timeZone, lang) },
          { title: t('裁决期限', 'Decide by'), dataIndex: 'deadlineOn', render: (v: string) => formatDate(v, timeZone, lang) },
          {
            title: t('状态', 'Status'),
            dataIndex: 'status',
            render: (s: AppealStatus) => <Badge status={appealStatusLabels[s].badge} text={appealStatusLabels[s][lang]} />,
          },
          {
            title: t('操作', 'Action'),
            key: 'open',
            render: (_: unknown, a) => (
              <Button type="link" onClick={() => void navigate(`/appeals/${a.id}`)} aria-label={t(`查看申诉 ${a.id}`, `Open appeal ${a.id}`)}>
                {a.status === 'open' ? t('裁决', 'Decide') : t('查看', 'View')}
              </Button>
            ),
          },
        ]}
      />
      <PageControls paged={paged} />
      {id && <AppealDrawer id={Number(id)} onClose={() => void navigate('/appeals')} onDecided={paged.reload} />}
    </>
  );
}

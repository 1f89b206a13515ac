// 抽调登记: a station's record of the days it pulled its own community officers away from their
// communities, newest pages read from the server, and the form to record another.
import { Card, Table, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { labelOf } from '../../../../src/core/vocabulary';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { DiversionForm } from './DiversionForm';
import { diversionKinds } from './kinds';

export default function DiversionsPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const paged = usePages((cursor) => page(api.GET('/diversions', { params: { query: { cursor } } })), []);
  const rows = paged.items;
  return (
    <>
      <Typography.Title level={2}>{t('抽调登记', 'Diversions')}</Typography.Title>
      <Card title={t('登记一次抽调', 'Record a diversion')} style={{ marginBottom: 16 }}>
        <DiversionForm onRecorded={paged.reload} />
      </Card>
      <ProblemAlert error={paged.error} />
      <Table
        aria-label={t('本所抽调记录', 'Our diversions')}
        rowKey="id"
        loading={paged.loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('还没有抽调记录', 'No diversions yet') }}
        columns={[
          { title: t('日期', 'Date'), dataIndex: 'date', render: (d: string) => formatDate(d, session.timeZone, lang) },
          { title: t('民警', 'Officer'), dataIndex: 'officerId' },
          { title: t('社区', 'Community'), dataIndex: 'communityId' },
          {
            title: t('事由', 'Kind'),
            dataIndex: 'kind',
            render: (k: string) => labelOf(diversionKinds, k)[lang],
          },
          { title: t('说明', 'Note'), dataIndex: 'note' },
          { title: t('登记时间', 'Recorded'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d, session.timeZone, lang) },
        ]}
      />
      <PageControls paged={paged} />
    </>
  );
}

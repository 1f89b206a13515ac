// The county's rule-set versions, oldest first, each with its effective date; the one in force
// today is marked, later ones wait for their date.
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { effectiveFrom } from './effective';
import { todayIn } from '../../lib/today';

export default function VersionsPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const today = todayIn(session.timeZone);
  const paged = usePages((cursor) => page(api.GET('/rulesets', { params: { query: { cursor } } })), []);
  return (
    <>
      <Typography.Title level={2}>{t('规则版本', 'Rule versions')}</Typography.Title>
      <ProblemAlert error={paged.error} />
      <Table
        rowKey="id"
        aria-label={t('规则版本列表', 'Rule-set versions')}
        loading={paged.loading}
        dataSource={paged.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('版本', 'Version'), dataIndex: 'id', render: (id: number) => `#${id}` },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          ...(session.role === 'province-reader' ? [{ title: t('县', 'County'), dataIndex: 'countyId' }] : []),
          { title: t('生效日期', 'Effective from'), dataIndex: 'effectiveFrom', render: (d: string) => effectiveFrom(d, session.timeZone, lang) },
          {
            title: t('状态', 'Status'),
            key: 'status',
            render: (_, row) =>
              row.inForce ? (
                <Tag color="success" icon={<CheckCircleOutlined />}>
                  {t('现行', 'In force')}
                </Tag>
              ) : row.effectiveFrom > today ? (
                <Tag icon={<ClockCircleOutlined />}>{t('待生效', 'Pending')}</Tag>
              ) : (
                <Tag>{t('已停用', 'Superseded')}</Tag>
              ),
          },
          { title: t('修改说明', 'Reason'), dataIndex: 'reason' },
          { title: t('作者', 'Author'), dataIndex: 'author' },
          { title: t('发布时间', 'Published'), dataIndex: 'createdAt', render: (d: string) => formatDateTime(d, session.timeZone, lang) },
        ]}
      />
      <PageControls paged={paged} />
    </>
  );
}

// 待报送数据: what the cycles now collecting still wait for from this department, by when, and
// the figures it has already submitted (a server-paged list).
import { Alert, Button, Card, Descriptions, Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { metricLabel } from '../../lib/metrics';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { kindLabel } from '../../lib/periods';
import { useCommunityNames, useDue, type DueCycle } from './useDue';

function DueCard({ cycle, names }: { cycle: DueCycle; names?: Map<string, string> }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const title = `${cycle.period} ${kindLabel(cycle.kind, lang)}`;
  return (
    <Card title={title} style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'deadline', label: t('报送截止', 'Due by'), children: formatDateTime(cycle.deadline, session.timeZone, lang) },
          { key: 'count', label: t('待报送', 'Still due'), children: t(`${cycle.due.length} 项`, `${cycle.due.length} figures`) },
        ]}
      />
      {cycle.due.length === 0 ? (
        <Alert type="success" showIcon title={t('本部门的数据已全部报送。', 'Every figure due from this department has been submitted.')} />
      ) : (
        <Table
          aria-label={t(`${title}待报送数据`, `Figures due for ${title}`)}
          size="small"
          rowKey={(r) => `${r.community}/${r.metric}`}
          dataSource={cycle.due}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('社区', 'Community'), dataIndex: 'community', render: (id: string) => `${names?.get(id) ?? id}(${id})` },
            { title: t('指标', 'Metric'), dataIndex: 'metric', render: (m: string) => `${metricLabel(m, t)}(${m})` },
          ]}
        />
      )}
    </Card>
  );
}

export default function DuePage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const due = useDue(session.subjectId);
  const names = useCommunityNames();
  const [period, setPeriod] = useState<string>();
  const submitted = usePages((cursor) => page(api.GET('/metrics', { params: { query: { cursor, period } } })), [period]);
  const periods = [...new Set((due.data ?? []).map((c) => c.period))];
  return (
    <>
      <Typography.Title level={2}>{t('待报送数据', 'Figures due from us')}</Typography.Title>
      <Typography.Paragraph>
        {t(
          '考核周期开始后,规则指定由本部门提供的指标须在截止时间前报送;截止后周期按已有数据评定。',
          'Once a cycle starts, the metrics the rule set assigns to this department are due by its deadline; after it the cycle decides with the figures it has.',
        )}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Link to="/department/upload">
          <Button type="primary">{t('上传CSV报送', 'Upload a CSV')}</Button>
        </Link>
        <Link to="/inbox">
          <Button>{t('本部门通知', 'Our notices')}</Button>
        </Link>
      </Space>
      <ProblemAlert error={due.error ?? names.error} />
      {due.loading && !due.data ? (
        <Card loading />
      ) : due.data?.length ? (
        due.data.map((c) => <DueCard key={c.cycleId} cycle={c} names={names.data} />)
      ) : (
        <Empty description={t('当前没有正在收集数据的考核周期。', 'No cycle is collecting figures now.')} style={{ marginBottom: 16 }} />
      )}

      <Typography.Title level={3}>{t('已报送数据', 'Figures submitted')}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="submitted-period">{t('考核期', 'Period')}</label>
        <Select
          id="submitted-period"
          style={{ minWidth: 160 }}
          value={period ?? ''}
          onChange={(p) => setPeriod(p || undefined)}
          options={[{ value: '', label: t('全部', 'All') }, ...periods.map((p) => ({ value: p, label: p }))]}
        />
      </Space>
      <ProblemAlert error={submitted.error} />
      <Table
        aria-label={t('已报送数据', 'Figures submitted')}
        size="small"
        rowKey="id"
        loading={submitted.loading}
        dataSource={submitted.items}
        pagination={false}
        scroll={{ x: true }}
        // AntD's own empty-text grey is too faint for WCAG AA; the secondary text colour is not.
        locale={{ emptyText: <Typography.Text type="secondary">{t('尚未报送数据', 'Nothing submitted yet')}</Typography.Text> }}
        columns={[
          { title: t('考核期', 'Period'), dataIndex: 'period' },
          { title: t('社区', 'Community'), dataIndex: 'communityId', render: (id: string) => `${names.data?.get(id) ?? id}(${id})` },
          { title: t('指标', 'Metric'), dataIndex: 'metric', render: (m: string) => metricLabel(m, t) },
          { title: t('数值', 'Value'), dataIndex: 'value', align: 'right' },
          { title: t('报送时间', 'Submitted'), dataIndex: 'submittedAt', render: (v: string) => formatDateTime(v, session.timeZone, lang) },
        ]}
      />
      <PageControls paged={submitted} />
    </>
  );
}

// 提出申诉: the form, and the officer's appeals with where each stands and how it was decided.
import { Card, List, Space, Tag, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { metricLabel } from '../../lib/metrics';
import { periodLabel, periodOfCycle } from '../../lib/periods';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { AppealForm } from './AppealForm';

const statusTags = {
  open: { zh: '待裁决', en: 'Awaiting decision', color: 'processing' },
  upheld: { zh: '维持原结果', en: 'Upheld', color: 'default' },
  overturned: { zh: '已改判', en: 'Overturned', color: 'success' },
} as const;

export default function AppealPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const paged = usePages((cursor) => page(api.GET('/appeals', { params: { query: { cursor, limit: 20 } } })), []);
  return (
    <>
      <Typography.Title level={2}>{t('提出申诉', 'File an appeal')}</Typography.Title>
      <Card title={t('新的申诉', 'New appeal')} style={{ marginBottom: 16 }}>
        <AppealForm onFiled={paged.reload} />
      </Card>
      <Card title={t('我的申诉', 'My appeals')}>
        <ProblemAlert error={paged.error} />
        <List
          loading={paged.loading}
          dataSource={paged.items}
          locale={{ emptyText: t('还没有申诉', 'No appeals yet') }}
          renderItem={(a) => {
            const status = statusTags[a.status];
            return (
              <List.Item key={a.id}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <span>{t(`申诉 ${a.id}`, `Appeal ${a.id}`)}</span>
                      <Tag color={status.color}>{t(status.zh, status.en)}</Tag>
                      <span>
                        {periodLabel(periodOfCycle(a.cycleId), lang)}
                        {a.contests === 'decision' ? t('奖惩决定', ' decision') : t('考核结果', ' evaluation')}
                      </span>
                    </Space>
                  }
                  description={
                    <>
                      <div>{a.reason}</div>
                      {a.metric !== null && a.value !== null && (
                        <div>{t(`申请更正:${metricLabel(a.metric, t)} ${a.value}`, `Correction asked: ${metricLabel(a.metric, t)} ${a.value}`)}</div>
                      )}
                      <Typography.Text type="secondary">
                        {t(`提交于 ${formatDateTime(a.createdAt, session.timeZone, lang)}`, `Filed ${formatDateTime(a.createdAt, session.timeZone, lang)}`)}
                        {a.status === 'open' && ` · ${t('裁决期限', 'to be decided by')} ${formatDate(a.deadlineOn, session.timeZone, lang)}`}
                      </Typography.Text>
                      {a.decisionReason && <div>{t(`裁决理由:${a.decisionReason}`, `Decided because: ${a.decisionReason}`)}</div>}
                    </>
                  }
                />
              </List.Item>
            );
          }}
        />
        <PageControls paged={paged} />
      </Card>
    </>
  );
}

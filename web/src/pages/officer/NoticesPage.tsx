// 我的通报: the notices addressed to the officer, newest page last as the API lists them, each
// with its kind, text and whether the officer has signed for it (签收).
import { Button, List, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { noticeKindLabels, labelOf } from '../../../../src/core/vocabulary';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';

export default function NoticesPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>();
  const paged = usePages((cursor) => page(api.GET('/notices', { params: { query: { cursor, limit: 20 } } })), []);
  const acknowledge = async (id: string) => {
    setError(undefined);
    try {
      await call(api.POST('/notices/{id}/acknowledgements', { params: { path: { id } }, body: {} }));
      message.success(t('已签收', 'Acknowledged'));
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <Typography.Title level={2}>{t('我的通报', 'My notices')}</Typography.Title>
      <ProblemAlert error={error ?? paged.error} />
      <List
        loading={paged.loading}
        dataSource={paged.items}
        locale={{ emptyText: t('没有给您的通报', 'No notices for you') }}
        renderItem={(n) => {
          const mine = n.recipients.find((r) => r.recipientType === 'officer' && r.recipientId === session.subjectId);
          const kind = labelOf(noticeKindLabels, n.kind);
          return (
            <List.Item
              key={n.id}
              actions={
                mine && !mine.acknowledgedAt && !n.withdrawnAt
                  ? [
                      <Button key="ack" type="primary" onClick={() => void acknowledge(n.id)}>
                        {t('签收', 'Acknowledge')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag>{t(kind.zh, kind.en)}</Tag>
                    {n.withdrawnAt && <Tag color="default">{t('已撤回', 'Withdrawn')}</Tag>}
                    {mine?.acknowledgedAt ? (
                      <Tag color="success">{t('已签收', 'Acknowledged')}</Tag>
                    ) : (
                      <Tag color="error">{t('未签收', 'Not acknowledged')}</Tag>
                    )}
                    <span>{n.titleZh}</span>
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                      {lang === 'en' && n.bodyEn ? n.bodyEn : n.bodyZh}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">
                      {formatDateTime(n.createdAt, session.timeZone, lang)}
                      {mine?.acknowledgedAt ? ` · ${t('签收于', 'acknowledged')} ${formatDateTime(mine.acknowledgedAt, session.timeZone, lang)}` : ''}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
      <PageControls paged={paged} />
    </>
  );
}

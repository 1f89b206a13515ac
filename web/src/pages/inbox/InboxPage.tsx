// Everyone's inbox: unread notices first, the text in Chinese (English beside it when the
// notice has one), and acknowledgement where the notice asks for it.
import { Badge, Button, List, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';

export default function InboxPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const [error, setError] = useState<unknown>();
  const [unread, setUnread] = useState<number>();
  const paged = usePages(async (cursor) => {
    const answer = await api.GET('/inbox', { params: { query: { cursor } } });
    const body = await call(Promise.resolve(answer));
    setUnread(body.unread);
    return page(Promise.resolve({ ...answer, data: body.items }));
  }, []);
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
  const mayAcknowledge = session.can('acknowledgeNotice');
  return (
    <>
      <Space align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('收件箱', 'Inbox')}
        </Typography.Title>
        {unread !== undefined && <Badge count={unread} showZero color={unread ? 'red' : 'green'} title={t('未读', 'Unread')} />}
      </Space>
      <ProblemAlert error={error ?? paged.error} />
      <List
        loading={paged.loading}
        dataSource={paged.items}
        locale={{ emptyText: t('没有通知', 'No notices') }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            actions={
              !n.read && mayAcknowledge
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
                  {!n.read && <Tag color="red">{t('未读', 'Unread')}</Tag>}
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
                    {n.read && n.acknowledgedAt ? ` · ${t('签收于', 'acknowledged')} ${formatDateTime(n.acknowledgedAt, session.timeZone, lang)}` : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <PageControls paged={paged} />
    </>
  );
}

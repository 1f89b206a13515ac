// Everyone's inbox: unread notices first, the text in Chinese (English beside it when the
// notice has one), and acknowledgement where the notice asks for it.
import { Badge, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { NoticeItem } from '../../lib/NoticeItem';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { useAcknowledge } from '../../lib/useAcknowledge';
import { usePages } from '../../lib/usePages';

export default function InboxPage() {
  const t = useT();
  const session = useSession();
  const [unread, setUnread] = useState<number>();
  const paged = usePages(async (cursor) => {
    const answer = await api.GET('/inbox', { params: { query: { cursor } } });
    const body = await call(Promise.resolve(answer));
    setUnread(body.unread);
    return page(Promise.resolve({ ...answer, data: body.items }));
  }, []);
  const { error, signing, acknowledge } = useAcknowledge(paged.reload);
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
          <NoticeItem
            key={n.id}
            notice={n}
            tags={!n.read && <Tag color="red">{t('未读', 'Unread')}</Tag>}
            acknowledgedAt={n.read ? n.acknowledgedAt : undefined}
            onAcknowledge={!n.read && mayAcknowledge ? () => void acknowledge(n.id) : undefined}
            signing={signing === n.id}
          />
        )}
      />
      <PageControls paged={paged} />
    </>
  );
}

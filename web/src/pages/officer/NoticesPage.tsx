// 我的通报: the notices addressed to the officer, newest page last as the API lists them, each
// with its kind, text and whether the officer has signed for it (签收).
import { List, Tag, Typography } from 'antd';
import { noticeKindLabels, labelOf } from '../../../../src/core/vocabulary';
import { api, page } from '../../api/client';
import { useT } from '../../app/i18n';
import { useSession } from '../../app/session';
import { NoticeItem } from '../../lib/NoticeItem';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { useAcknowledge } from '../../lib/useAcknowledge';
import { usePages } from '../../lib/usePages';

export default function NoticesPage() {
  const t = useT();
  const session = useSession();
  const paged = usePages((cursor) => page(api.GET('/notices', { params: { query: { cursor, limit: 20 } } })), []);
  const { error, signing, acknowledge } = useAcknowledge(paged.reload);
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
            <NoticeItem
              key={n.id}
              notice={n}
              tags={
                <>
                  <Tag>{t(kind.zh, kind.en)}</Tag>
                  {n.withdrawnAt && <Tag color="default">{t('已撤回', 'Withdrawn')}</Tag>}
                  {mine?.acknowledgedAt ? <Tag color="success">{t('已签收', 'Acknowledged')}</Tag> : <Tag color="error">{t('未签收', 'Not acknowledged')}</Tag>}
                </>
              }
              acknowledgedAt={mine?.acknowledgedAt}
              onAcknowledge={mine && !mine.acknowledgedAt && !n.withdrawnAt ? () => void acknowledge(n.id) : undefined}
              signing={signing === n.id}
            />
          );
        }}
      />
      <PageControls paged={paged} />
    </>
  );
}

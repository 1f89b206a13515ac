// 联合通报: the joint notices about the leader's community — a last place in a quarter goes to its
// officer, its leader and its department together. Each shows its text, who else was notified and
// who has signed for it; the leader signs (签收) for his own.
import { Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { useAcknowledge } from '../../lib/useAcknowledge';
import { useLoad } from '../../lib/useLoad';
import { usePages } from '../../lib/usePages';
import { RecipientList } from './RecipientList';
import { useCommunityNames } from './useCommunities';

export default function JointNoticesPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  // The API answers a leader only the notices addressed to him.
  const paged = usePages((cursor) => page(api.GET('/notices', { params: { query: { kind: 'joint-notice', cursor, limit: 20 } } })), []);
  const officers = useLoad(() => page(api.GET('/officers', { params: { query: { limit: 100 } } })), []);
  const officerName = new Map((officers.data?.items ?? []).map((o) => [o.id, o.name]));
  const community = useCommunityNames(paged.items.flatMap((n) => (n.about ? [n.about] : [])));

  const { error, setError, signing, acknowledge } = useAcknowledge(paged.reload);

  return (
    <>
      <Typography.Title level={2}>{t('联合通报', 'Joint notices')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '所联系社区在考评中排名末位时,局里向该社区民警、联系领导和联系股室联合通报。请阅后签收。',
          'When your community places last in an evaluation, the bureau notifies its officer, its leader and its department together. Read it, then acknowledge it.',
        )}
      </Typography.Paragraph>
      <ProblemAlert error={error ?? paged.error} onClose={error ? () => setError(undefined) : undefined} />
      {!paged.loading && paged.items.length === 0 && !paged.error && (
        <Typography.Paragraph>{t('没有关于您联系社区的联合通报。', 'No joint notices about your community.')}</Typography.Paragraph>
      )}
      <Spin spinning={paged.loading} description={t('正在读取通报…', 'Reading the notices…')}>
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {paged.items.map((n) => {
            const mine = n.recipients.find((r) => r.recipientType === 'leader' && r.recipientId === session.subjectId);
            const done = n.recipients.filter((r) => r.acknowledgedAt).length;
            return (
              <Card
                key={n.id}
                data-testid={`notice-${n.id}`}
                title={<span style={{ whiteSpace: 'normal' }}>{n.titleZh}</span>}
                extra={
                  mine?.acknowledgedAt ? (
                    <Tag color="success">{t('本人已签收', 'You acknowledged')}</Tag>
                  ) : (
                    <Tag color="error">{t('待签收', 'To acknowledge')}</Tag>
                  )
                }
              >
                <Space wrap style={{ marginBottom: 8 }}>
                  {n.about && <Tag>{`${community(n.about)}(${n.about})`}</Tag>}
                  {n.withdrawnAt && <Tag>{t('已撤回', 'Withdrawn')}</Tag>}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt, session.timeZone, lang)}</Typography.Text>
                </Space>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{lang === 'en' && n.bodyEn ? n.bodyEn : n.bodyZh}</Typography.Paragraph>
                <Typography.Title level={3} style={{ fontSize: 16 }}>
                  {t(`通报对象(${done}/${n.recipients.length} 已签收)`, `Notified (${done} of ${n.recipients.length} acknowledged)`)}
                </Typography.Title>
                <RecipientList recipients={n.recipients} names={(r) => (r.recipientType === 'officer' ? officerName.get(r.recipientId) : undefined)} />
                {mine && !mine.acknowledgedAt && !n.withdrawnAt && (
                  <Button type="primary" block style={{ marginTop: 12 }} loading={signing === n.id} onClick={() => void acknowledge(n.id)}>
                    {t('签收', 'Acknowledge')}
                  </Button>
                )}
              </Card>
            );
          })}
        </Space>
      </Spin>
      <PageControls paged={paged} />
    </>
  );
}

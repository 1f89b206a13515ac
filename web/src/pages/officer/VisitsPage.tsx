// 领导驻社区确认: the days a liaison leader logged in the officer's community; the officer
// confirms each day the leader was there or disputes it. An answer is final.
import { Button, List, Popconfirm, Segmented, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { api, call, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate, formatDateTime } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { CommunityName } from './CommunityName';

type Verdict = 'confirmed' | 'disputed';

const statusTags = {
  pending: { zh: '待确认', en: 'Awaiting you', color: 'processing' },
  confirmed: { zh: '已确认', en: 'Confirmed', color: 'success' },
  disputed: { zh: '有异议', en: 'Disputed', color: 'warning' },
} as const;

export default function VisitsPage() {
  const { lang, t } = useI18n();
  const session = useSession();
  const [shown, setShown] = useState<'pending' | 'all'>('pending');
  const [error, setError] = useState<unknown>();
  const paged = usePages(
    (cursor) => page(api.GET('/visits', { params: { query: { cursor, limit: 20, ...(shown === 'pending' ? { status: 'pending' as const } : {}) } } })),
    [shown],
  );
  const answer = async (id: number, verdict: Verdict) => {
    setError(undefined);
    try {
      await call(api.POST('/visits/{id}/confirmation', { params: { path: { id } }, body: { verdict } }));
      message.success(verdict === 'confirmed' ? t('已确认', 'Confirmed') : t('已提出异议', 'Disputed'));
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      <Typography.Title level={2}>{t('领导驻社区确认', 'Leader visits to confirm')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '联系社区局领导登记的驻社区日期,请据实确认;领导当天未到社区的,请提出异议。确认或异议提交后不能更改。',
          'The days your liaison leader logged in your community: confirm the days they were there, dispute the days they were not. An answer is final.',
        )}
      </Typography.Paragraph>
      <Segmented<'pending' | 'all'>
        style={{ marginBottom: 16 }}
        value={shown}
        onChange={(v) => setShown(v)}
        options={[
          { value: 'pending', label: t('待确认', 'Awaiting me') },
          { value: 'all', label: t('全部', 'All') },
        ]}
      />
      <ProblemAlert error={error ?? paged.error} />
      <List
        loading={paged.loading}
        dataSource={paged.items}
        locale={{ emptyText: shown === 'pending' ? t('没有待确认的驻社区记录', 'Nothing awaits your answer') : t('没有驻社区记录', 'No visits') }}
        renderItem={(v) => {
          const status = statusTags[v.status];
          return (
            <List.Item
              key={v.id}
              actions={
                v.status === 'pending'
                  ? [
                      <Button key="confirm" type="primary" onClick={() => void answer(v.id, 'confirmed')}>
                        {t('确认', 'Confirm')}
                      </Button>,
                      <Popconfirm
                        key="dispute"
                        title={t('对这一天提出异议?', 'Dispute this day?')}
                        description={t('表示领导当天未到社区,提交后不能更改。', 'Says the leader was not in the community that day; final.')}
                        okText={t('提出异议', 'Dispute')}
                        cancelText={t('取消', 'Cancel')}
                        onConfirm={() => answer(v.id, 'disputed')}
                      >
                        <Button danger>{t('有异议', 'Dispute')}</Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{formatDate(v.date, session.timeZone, lang)}</span>
                    <Tag color={status.color}>{t(status.zh, status.en)}</Tag>
                  </Space>
                }
                description={
                  <>
                    <div>
                      {t('局领导', 'Leader')} {v.leaderId} · <CommunityName id={v.communityId} />
                    </div>
                    {v.note && <div>{v.note}</div>}
                    {v.answeredAt && (
                      <Typography.Text type="secondary">
                        {t('答复于', 'Answered')} {formatDateTime(v.answeredAt, session.timeZone, lang)}
                      </Typography.Text>
                    )}
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

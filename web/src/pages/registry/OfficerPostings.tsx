// An officer's postings (任职记录): where they worked from when, a rural hardship posting after a
// reassignment included, a page at a time.
import { Table } from 'antd';
import { api, page } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { PageControls } from '../../lib/PageControls';
import { ProblemAlert } from '../../lib/problem';
import { usePages } from '../../lib/usePages';
import { useNameOf } from './entities';

const list = (id: string, cursor: string | undefined) => page(api.GET('/officers/{id}/postings', { params: { path: { id }, query: { cursor } } }));
type Posting = Awaited<ReturnType<typeof list>>['items'][number];

export function OfficerPostings({ officerId }: { officerId: string }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const paged = usePages((cursor) => list(officerId, cursor), [officerId]);
  const community = useNameOf('communities');
  const day = (d: string | null) => (d ? formatDate(d, session.timeZone, lang) : t('至今', 'ongoing'));
  return (
    <>
      <ProblemAlert error={paged.error} />
      <Table<Posting>
        aria-label={t(`${officerId} 的任职记录`, `Postings of ${officerId}`)}
        rowKey="id"
        size="small"
        loading={paged.loading}
        dataSource={paged.items}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('没有任职记录', 'No postings') }}
        columns={[
          {
            key: 'where',
            title: t('任职', 'Posting'),
            render: (_, p) => (p.kind === 'rural-hardship' ? t('农村艰苦岗位', 'Rural hardship post') : community(p.communityId)),
          },
          { key: 'from', title: t('起始日期', 'From'), render: (_, p) => day(p.startsOn) },
          { key: 'to', title: t('结束日期', 'To'), render: (_, p) => day(p.endsOn) },
          { key: 'reason', dataIndex: 'reason', title: t('原因', 'Reason') },
        ]}
      />
      <PageControls paged={paged} />
    </>
  );
}

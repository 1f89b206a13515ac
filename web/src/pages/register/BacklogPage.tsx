// 登记积压: for the bureau, per community, how many records are falling behind — help groups
// incomplete, talks overdue, permits expiring or expired, rented homes due an inspection —, as
// counts only: the bureau reads no personal data.
import { Table, Typography } from 'antd';
import { register, type BacklogRow } from '../../api/register';
import { useT } from '../../app/i18n';
import { ProblemAlert } from '../../lib/problem';
import { useLoad } from '../../lib/useLoad';

export default function BacklogPage() {
  const t = useT();
  const loaded = useLoad(() => register.backlog(), []);
  const count = (key: keyof BacklogRow, zh: string, en: string) => ({
    title: t(zh, en),
    dataIndex: key,
    align: 'right' as const,
  });
  return (
    <>
      <Typography.Title level={2}>{t('登记积压', 'Register backlog')}</Typography.Title>
      <Typography.Paragraph>
        {t(
          '各社区人口登记中需要跟进的事项数量:帮教小组不齐全、谈话逾期、居住证即将到期或已过期、出租房屋待检查。',
          'What each community’s register needs doing: help groups incomplete, talks overdue, permits expiring or expired, rented homes due an inspection.',
        )}
      </Typography.Paragraph>
      <ProblemAlert error={loaded.error} />
      <Table<BacklogRow>
        aria-label={t('各社区登记积压', 'Backlog per community')}
        rowKey="communityId"
        size="small"
        loading={loaded.loading}
        dataSource={loaded.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('社区', 'Community'), dataIndex: 'communityName' },
          count('helpGroupsIncomplete', '帮教小组不齐全', 'Help groups incomplete'),
          count('talksOverdue', '谈话逾期', 'Talks overdue'),
          count('permitsExpiring', '居住证即将到期', 'Permits expiring'),
          count('permitsExpired', '居住证已过期', 'Permits expired'),
          count('inspectionsDue', '出租房屋待检查', 'Inspections due'),
        ]}
      />
    </>
  );
}

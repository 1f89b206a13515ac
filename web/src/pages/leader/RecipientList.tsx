// Who a joint notice went to and who has signed for it (签收): the officer, the leader and the
// department bound to the community, each with the time they acknowledged or 未签收.
import { List, Tag, Typography } from 'antd';
import { labelOf, recipientLabels } from '../../../../src/core/vocabulary';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../lib/format';

export interface Recipient {
  recipientType: string;
  recipientId: string;
  acknowledgedAt: string | null;
}

/** `names`: officer id → name, for the officers the leader may read. */
export function RecipientList({ recipients, names }: { recipients: readonly Recipient[]; names: (r: Recipient) => string | undefined }) {
  const { lang, t } = useI18n();
  const session = useSession();
  return (
    <List
      size="small"
      aria-label={t('通报对象及签收情况', 'Recipients and acknowledgements')}
      dataSource={[...recipients]}
      renderItem={(r) => {
        const role = labelOf(recipientLabels, r.recipientType);
        const me = r.recipientType === 'leader' && r.recipientId === session.subjectId;
        const name = me ? t('(本人)', ' (you)') : names(r) ? `(${names(r)})` : '';
        return (
          <List.Item key={`${r.recipientType}:${r.recipientId}`} data-testid={`recipient-${r.recipientType}-${r.recipientId}`}>
            <Typography.Text>
              {t(role.zh, role.en)} {r.recipientId}
              {name}
            </Typography.Text>
            {r.acknowledgedAt ? (
              <Tag color="success">
                {t('已签收', 'Acknowledged')} {formatDateTime(r.acknowledgedAt, session.timeZone, lang)}
              </Tag>
            ) : (
              <Tag color="error">{t('未签收', 'Not acknowledged')}</Tag>
            )}
          </List.Item>
        );
      }}
    />
  );
}

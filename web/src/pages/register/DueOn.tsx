// A talk's or an inspection's due day: in red, marked overdue, once it has passed in the bureau's time zone.
import { Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../lib/format';
import { todayIn } from '../../lib/today';

export function DueOn({ day }: { day: string | null }) {
  const { lang, t } = useI18n();
  const session = useSession();
  const shown = formatDate(day, session.timeZone, lang);
  if (!day || day >= todayIn(session.timeZone)) return <>{shown}</>;
  return <Typography.Text type="danger">{t(`${shown}(已逾期)`, `${shown} (overdue)`)}</Typography.Text>;
}

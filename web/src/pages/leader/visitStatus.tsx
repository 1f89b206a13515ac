// A visit's standing as the officer answered it, and whether it counts toward the month yet.
import { Tag } from 'antd';
import { useT } from '../../app/i18n';

export type VisitStatus = 'pending' | 'confirmed' | 'disputed';

const looks: Record<VisitStatus, { color: string; zh: string; en: string }> = {
  confirmed: { color: 'success', zh: '民警已确认', en: 'Confirmed by the officer' },
  disputed: { color: 'error', zh: '民警有异议', en: 'Disputed by the officer' },
  pending: { color: 'warning', zh: '待民警确认', en: 'Awaiting the officer' },
};

/** `counted`: the day counts although unanswered (the officer let the confirmation window pass). */
export function VisitStatusTag({ status, counted }: { status: string; counted: boolean }) {
  const t = useT();
  const look = looks[status as VisitStatus] ?? { color: 'default', zh: status, en: status };
  return (
    <Tag color={look.color}>
      {t(look.zh, look.en)}
      {status === 'pending' && counted ? t('(逾期未答,视为确认)', ' (unanswered in time: counts)') : ''}
    </Tag>
  );
}

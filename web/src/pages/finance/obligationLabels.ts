// How finance reads an obligation: its kind, its status and whether it is overdue, in words.
import type { paths } from '../../api/client';

export type ObligationRow = paths['/obligations']['get']['responses'][200]['content']['application/json'][number];

const statuses: Record<string, [zh: string, en: string, color: string]> = {
  open: ['待付款', 'to pay', 'blue'],
  paid: ['已付款,待确认收款', 'paid, receipt pending', 'gold'],
  disputed: ['收款有异议', 'disputed', 'red'],
  settled: ['已结清', 'settled', 'green'],
  closed: ['已关闭', 'closed', 'default'],
  cancelled: ['已取消', 'cancelled', 'default'],
};

export const obligationStatuses = Object.keys(statuses);

export function statusLabel(status: string, t: (zh: string, en: string) => string): { text: string; color: string } {
  const s = statuses[status];
  return s ? { text: t(s[0], s[1]), color: s[2] } : { text: status, color: 'default' };
}

export function kindLabel(kind: string, t: (zh: string, en: string) => string): string {
  if (kind === 'subsidy') return t('工作补助', 'subsidy');
  if (kind === 'reward') return t('年终奖励', 'reward');
  return kind;
}

export function payeeLabel(o: { payeeType: string; payeeId: string }, t: (zh: string, en: string) => string): string {
  return o.payeeType === 'officer' ? t(`民警 ${o.payeeId}`, `officer ${o.payeeId}`) : t(`社区 ${o.payeeId}`, `community ${o.payeeId}`);
}

/** Today in the bureau's time zone, as YYYY-MM-DD. */
export function today(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Still to be paid and past its due day. */
export function isOverdue(o: { status: string; dueOn: string }, timeZone: string): boolean {
  return (o.status === 'open' || o.status === 'disputed') && o.dueOn < today(timeZone);
}

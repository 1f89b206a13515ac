// How finance reads an obligation: its kind, its status and whether it is overdue, in words.
import type { paths } from '../../api/client';

export type ObligationRow = paths['/obligations']['get']['responses'][200]['content']['application/json'][number];

export type TextTone = 'success' | 'warning' | 'danger' | 'secondary' | undefined;

// Tones of text on white, not tinted tags: the theme's AA-contrast colours keep 4.5:1 only there.
const statuses: Record<string, [zh: string, en: string, tone: TextTone]> = {
  open: ['待付款', 'to pay', undefined],
  paid: ['已付款,待确认收款', 'paid, receipt pending', 'warning'],
  disputed: ['收款有异议', 'disputed', 'danger'],
  settled: ['已结清', 'settled', 'success'],
  closed: ['已关闭', 'closed', 'secondary'],
  cancelled: ['已取消', 'cancelled', 'secondary'],
};

export const obligationStatuses = Object.keys(statuses);

export function statusLabel(status: string, t: (zh: string, en: string) => string): { text: string; tone: TextTone } {
  const s = statuses[status];
  return s ? { text: t(s[0], s[1]), tone: s[2] } : { text: status, tone: undefined };
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

// How the console writes dates and money: in the bureau's time zone, Chinese style (2026年3月31日
// 14:05) or English, and money in yuan with two decimals.
import type { Lang } from '../app/i18n';

function parts(value: string | Date, timeZone: string, withTime: boolean) {
  const date = typeof value === 'string' ? new Date(value) : value;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  });
  return Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
}

/** A day: 2026年3月31日, or 2026-03-31 in English. A plain YYYY-MM-DD is shown as it is written. */
export function formatDate(value: string | Date | null | undefined, timeZone: string, lang: Lang): string {
  if (!value) return '—';
  const plain = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const p = plain ? { year: value.slice(0, 4), month: value.slice(5, 7), day: value.slice(8, 10) } : parts(value, timeZone, false);
  return lang === 'zh' ? `${p.year}年${Number(p.month)}月${Number(p.day)}日` : `${p.year}-${p.month}-${p.day}`;
}

/** A moment: 2026年3月31日 14:05, or 2026-03-31 14:05 in English. */
export function formatDateTime(value: string | Date | null | undefined, timeZone: string, lang: Lang): string {
  if (!value) return '—';
  const p = parts(value, timeZone, true);
  return lang === 'zh' ? `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** ¥1,234.50 */
export function formatYuan(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  return `¥${yuan.format(Number(amount))}`;
}

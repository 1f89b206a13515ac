// A period as people say it: 2026-Q1 → 2026年第一季度 / 2026 Q1; 2026-03 → 2026年3月; 2026 → 2026年度.
import type { Lang } from '../app/i18n';

const quarters = ['一', '二', '三', '四'];

export function formatPeriod(period: string, lang: Lang): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return lang === 'zh' ? `${quarter[1]}年第${quarters[Number(quarter[2]) - 1]}季度` : `${quarter[1]} Q${quarter[2]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return lang === 'zh' ? `${month[1]}年${Number(month[2])}月` : period;
  if (/^\d{4}$/.test(period)) return lang === 'zh' ? `${period}年度` : period;
  return period;
}

/** The period a cycle id names (quarterly-2026-Q1-demo → 2026-Q1), or the id when it names none. */
export function periodOfCycle(cycleId: string): string {
  return /\d{4}(?:-Q[1-4]|-\d{2})?/.exec(cycleId)?.[0] ?? cycleId;
}

// A quarter as people say it: 2026-Q1 → 2026年第1季度 (English keeps the period).
import type { Lang } from '../app/i18n';

export function quarterName(period: string, lang: Lang): string {
  const m = /^(\d{4})-Q(\d)$/.exec(period);
  return lang === 'zh' && m ? `${m[1]}年第${m[2]}季度` : period;
}

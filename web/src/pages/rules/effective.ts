// When a rule-set version takes effect. The county's first version is stored as effective from
// 1970-01-01, meaning "from the start", which is how it is shown.
import type { Lang } from '../../app/i18n';
import { formatDate } from '../../lib/format';

export function effectiveFrom(date: string, timeZone: string, lang: Lang): string {
  if (date.startsWith('1970-01-01')) return lang === 'zh' ? '自始' : 'from the start';
  return formatDate(date, timeZone, lang);
}

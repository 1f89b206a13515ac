// Cycle kinds and periods as bureau documents write them: 季度考核, 2026年第一季度.
import type { Lang } from '../app/i18n';

export const cycleKinds = ['monthly', 'quarterly', 'half-year', 'year-end'] as const;
export type CycleKind = (typeof cycleKinds)[number];

const kindLabels: Record<CycleKind, { zh: string; en: string; example: string }> = {
  monthly: { zh: '月度考核', en: 'Monthly', example: '2026-03' },
  quarterly: { zh: '季度考核', en: 'Quarterly', example: '2026-Q1' },
  'half-year': { zh: '半年考核', en: 'Half-year', example: '2026-H1' },
  'year-end': { zh: '年终考核', en: 'Year-end', example: '2026' },
};

export function kindLabel(kind: string, lang: Lang): string {
  return kindLabels[kind as CycleKind]?.[lang] ?? kind;
}

/** How the kind's period is written, e.g. 2026-Q1. */
export function periodExample(kind: CycleKind): string {
  return kindLabels[kind].example;
}

const quarterZh = ['', '一', '二', '三', '四'];
const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2026-Q1 → 2026年第一季度 / Q1 2026; 2026-03 → 2026年3月; 2026-H2 → 2026年下半年; 2026 → 2026年度. */
export function periodLabel(period: string, lang: Lang): string {
  const zh = lang === 'zh';
  let m = /^(\d{4})-Q(\d)$/.exec(period);
  if (m) return zh ? `${m[1]}年第${quarterZh[Number(m[2])]}季度` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-H(\d)$/.exec(period);
  if (m) return zh ? `${m[1]}年${m[2] === '1' ? '上' : '下'}半年` : `${m[2] === '1' ? 'First' : 'Second'} half of ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return zh ? `${m[1]}年${Number(m[2])}月` : `${monthsEn[Number(m[2]) - 1]} ${m[1]}`;
  if (/^\d{4}$/.test(period)) return zh ? `${period}年度` : `Year ${period}`;
  return period;
}

/** The period a cycle id names (quarterly-2026-Q1-demo → 2026-Q1), or the id when it names none. */
export function periodOfCycle(cycleId: string): string {
  return /\d{4}(?:-Q[1-4]|-H[12]|-\d{2})?/.exec(cycleId)?.[0] ?? cycleId;
}

/** The last quarter that has ended on `today` (2026-11-30 → 2026-Q3). */
export function lastEndedQuarter(today = new Date()): string {
  const quarter = Math.floor(today.getMonth() / 3);
  return quarter === 0 ? `${today.getFullYear() - 1}-Q4` : `${today.getFullYear()}-Q${quarter}`;
}

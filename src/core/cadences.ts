// The kinds of evaluation cycle: 月考, 季考, 半年考 and the year-end evaluation. What a kind means —
// how its period is written, read out and bounded, when its Schedule fires, which rules decide
// it — is its descriptor here, and the API schemas, the cycle routes, the Schedules, the rule
// lookup and the notice texts read it. A new kind is one entry in `cycleKinds` (contracts/cycles.ts,
// the one list, since cycle ids cross process boundaries) and one here; the compiler then names
// every other Record<CycleKind | Cadence, …> that lacks it.
import type { CycleKind } from '../contracts/cycles.js';

/** How often a period evaluation runs: 月考, 季考, 半年考. The year-end cycle is not a period of this kind. */
export const cadences = ['monthly', 'quarterly', 'half-year'] as const satisfies readonly CycleKind[];
export type Cadence = (typeof cadences)[number];

/** The rule stages of a document, by their key under "rules". */
export type RuleStage = 'monthly' | 'quarterly' | 'halfYear' | 'yearEnd';

export interface CycleKindDescriptor {
  /** How its period is written: group 1 is the year, group 2 (a year has none) the index in the year. */
  pattern: RegExp;
  /** What one period is called, how it is written and an example, for messages. */
  unit: string;
  notation: string;
  example: string;
  /** Months one period spans; a year holds 12 / months of them. */
  months: number;
  format(year: number, index: number): string;
  /** As bureau documents write the period: 2026年第三季度. */
  zh(year: number, index: number): string;
  en(year: number, index: number): string;
  /** The months (1–12) in which its Schedule starts the evaluation of the period just ended. */
  scheduleMonths: 'every' | readonly number[];
  /** The key under "rules" whose rules decide it. */
  ruleStage: RuleStage;
  /** Its stage is required in every rule set, so no rule-set version needs to be asked whether it is evaluated. */
  alwaysEvaluated: boolean;
  /** The memo of its Schedule. */
  purpose: string;
}

/** English month names, January first. */
export const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const quarterZh = ['', '一', '二', '三', '四'];

export const cycleKindDescriptors = {
  monthly: {
    pattern: /^(\d{4})-(\d{2})$/,
    unit: 'month',
    notation: 'YYYY-MM',
    example: '2026-03',
    months: 1,
    format: (y, i) => `${y}-${String(i).padStart(2, '0')}`,
    zh: (y, i) => `${y}年${i}月`,
    en: (y, i) => `${monthsEn[i - 1]} ${y}`,
    scheduleMonths: 'every',
    ruleStage: 'monthly',
    alwaysEvaluated: false,
    purpose: 'monthly evaluation (月考), when the rule set defines it',
  },
  quarterly: {
    pattern: /^(\d{4})-Q(\d)$/,
    unit: 'quarter',
    notation: 'YYYY-Qn',
    example: '2026-Q1',
    months: 3,
    format: (y, i) => `${y}-Q${i}`,
    zh: (y, i) => `${y}年第${quarterZh[i]}季度`,
    en: (y, i) => `Q${i} ${y}`,
    scheduleMonths: [1, 4, 7, 10],
    ruleStage: 'quarterly',
    alwaysEvaluated: true,
    purpose: 'quarterly evaluation of community police offices',
  },
  'half-year': {
    pattern: /^(\d{4})-H(\d)$/,
    unit: 'half-year',
    notation: 'YYYY-Hn',
    example: '2026-H1',
    months: 6,
    format: (y, i) => `${y}-H${i}`,
    zh: (y, i) => `${y}年${i === 1 ? '上' : '下'}半年`,
    en: (y, i) => `${i === 1 ? 'first' : 'second'} half of ${y}`,
    scheduleMonths: [1, 7],
    ruleStage: 'halfYear',
    alwaysEvaluated: false,
    purpose: 'half-year evaluation (半年考), when the rule set defines it',
  },
  'year-end': {
    pattern: /^(\d{4})$/,
    unit: 'year',
    notation: 'YYYY',
    example: '2026',
    months: 12,
    format: (y) => String(y).padStart(4, '0'),
    zh: (y) => `${y}年度`,
    en: (y) => `the year ${y}`,
    scheduleMonths: [1],
    ruleStage: 'yearEnd',
    alwaysEvaluated: true,
    purpose: 'year-end ranking, rewards and honours',
  },
} as const satisfies Record<CycleKind, CycleKindDescriptor>;

/** Periods of a cadence in a year: 12 months, 4 quarters, 2 half-years. */
export const periodsPerYear = (kind: CycleKind) => 12 / cycleKindDescriptors[kind].months;

/** 'a month as YYYY-MM, e.g. "2026-03"', for messages about one kind's period. */
export function periodFormOf(kind: CycleKind): string {
  const { unit, notation, example } = cycleKindDescriptors[kind];
  return `a ${unit} as ${notation}, e.g. "${example}"`;
}

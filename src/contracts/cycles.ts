// Cycle ids and the cycle workflows' messages, agreed on by the API, the cycle port, the
// workflows and the activities.
import type { FailureExplanation } from './failures.js';

/**
 * The county of whatever was made before counties: rows of an upgraded database, a cycle id
 * without a county, a workflow started with none in its input (a Schedule registered before).
 * Workflow code reads it from here (it cannot import src/db).
 */
export const legacyCountyId = 'county-1';

/** A period evaluation (monthly, quarterly, half-year) or the year-end cycle. */
export const cycleKinds = ['monthly', 'quarterly', 'half-year', 'year-end'] as const;
export type CycleKind = (typeof cycleKinds)[number];

/**
 * A cycle's id, which is also its workflow id: the kind, the period and the county,
 * `quarterly-2026-Q1-county-1`, `monthly-2026-03-c2`, `year-end-2026-county-1`. Cycles made
 * before counties keep their ids without the county (`quarterly-2026-Q1`); find a cycle by
 * (county, kind, period) with src/db/cycles.ts, never by building its id.
 */
export function cycleId(kind: CycleKind, period: string, countyId: string): string {
  return `${kind}-${period}-${countyId}`;
}

/** A period's form per kind: the kind fixes it, so a county id after it is never mistaken for part of it. */
const periodForms: Record<CycleKind, string> = {
  monthly: '\\d{4}-\\d{2}',
  quarterly: '\\d{4}-Q\\d',
  'half-year': '\\d{4}-H\\d',
  'year-end': '\\d{4}',
};

/** The parts of a cycle id; `countyId` is absent for an id made before counties. */
export function parseCycleId(id: string): { kind: CycleKind; period: string; countyId?: string } {
  const kind = cycleKindOf(id);
  const rest = id.slice(kind.length + 1);
  const m = new RegExp(`^(${periodForms[kind]})(?:-(.+))?$`).exec(rest);
  if (!m) return { kind, period: rest };
  return m[2] === undefined ? { kind, period: m[1]! } : { kind, period: m[1]!, countyId: m[2] };
}

/** The kind a cycle id starts with; kinds contain dashes themselves (year-end-2026, half-year-2026-H1). */
export function cycleKindOf(id: string): CycleKind {
  return cycleKinds.find((k) => id.startsWith(`${k}-`)) ?? 'quarterly';
}

/** 月度考核, 季度考核, …: how the Temporal UI names a cycle's kind. */
const cycleKindsZh: Record<CycleKind, string> = {
  monthly: '月度考核',
  quarterly: '季度考核',
  'half-year': '半年考核',
  'year-end': '年终考核',
};

/** Who started a cycle by hand: the user's id (sign-in name) and display name. */
export interface CycleStarter {
  userId: string;
  name: string;
}

/** The memo of a cycle started by hand, as the API starts it. */
interface CycleMemo {
  countyId: string;
  startedBy: string;
  startedByName: string;
}

/**
 * The one-line static summary a cycle's workflow shows in the Temporal UI:
 * `季度考核 2026-Q1 · 某县公安局 · 由 张三(zhangsan) 手动启动`, or `… · 由计划任务启动`.
 */
function cycleSummary(kind: CycleKind, period: string, countyName: string, startedBy?: CycleStarter): string {
  const how = startedBy ? `由 ${startedBy.name}(${startedBy.userId}) 手动启动` : '由计划任务启动';
  return `${cycleKindsZh[kind]} ${period} · ${countyName} · ${how}`;
}

/** Its static details: the cycle, the county and who started it, one per line. */
function cycleDetails(cycle: { id: string; countyId: string; countyName: string }, startedBy?: CycleStarter): string {
  return [
    `周期 / cycle: ${cycle.id}`,
    `县（市、区）/ county: ${cycle.countyName} (${cycle.countyId})`,
    `启动 / started by: ${startedBy ? `${startedBy.name} (${startedBy.userId})` : '计划任务 / Schedule'}`,
  ].join('\n');
}

/**
 * How the Temporal UI shows a cycle's workflow: its summary, details and memo, the same whether
 * a user starts it by hand (`by` = that user) or its county's Schedule does (`by.launcher` = the
 * launching workflow's id, recorded as `system:<launcher>`).
 */
export function cycleLabels(
  cycle: { id: string; kind: CycleKind; period: string; countyId: string; countyName: string },
  by: CycleStarter | { launcher: string },
): { staticSummary: string; staticDetails: string; memo: Record<string, string> } {
  const { countyId } = cycle;
  const starter = 'userId' in by ? by : undefined;
  return {
    staticSummary: cycleSummary(cycle.kind, cycle.period, cycle.countyName, starter),
    staticDetails: cycleDetails(cycle, starter),
    memo: 'userId' in by ? ({ countyId, startedBy: by.userId, startedByName: by.name } satisfies CycleMemo) : { countyId, startedBy: `system:${by.launcher}` },
  };
}

export interface MissingFigure {
  community: string;
  metric: string;
  source: string;
}

export interface CycleProgress {
  step: 'opening' | 'requesting-figures' | 'waiting-for-figures' | 'waiting-for-quarters' | 'deciding' | 'starting-follow-ups' | 'done' | 'failed';
  waitingFor: MissingFigure[];
  /** Year-end cycles: the year's quarterly cycles not decided yet. */
  waitingForQuarters?: string[];
  /** ISO instant after which the cycle evaluates whatever figures it has. */
  deadline?: string;
  /** Why the cycle could not be decided, and what to fix, once step is 'failed'. */
  failure?: FailureExplanation;
}

export const cycleProgressQueryName = 'cycleProgress';
/** Sent when figures of the cycle's period are stored; the workflow re-reads what is missing. */
export const figuresSubmittedSignalName = 'figuresSubmitted';
export interface FiguresSubmitted {
  community: string;
  metrics: string[];
}

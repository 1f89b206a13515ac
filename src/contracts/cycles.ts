// Cycle ids and the cycle workflows' messages, agreed on by the API, the cycle port, the
// workflows and the activities.
import type { FailureExplanation } from './failures.js';

/** A period evaluation (monthly, quarterly, half-year) or the year-end cycle. */
export const cycleKinds = ['monthly', 'quarterly', 'half-year', 'year-end'] as const;
export type CycleKind = (typeof cycleKinds)[number];

/** A cycle's id, which is also its workflow id: `monthly-2026-03`, `half-year-2026-H1`, `year-end-2026`. */
export function cycleId(kind: CycleKind, period: string): string {
  return `${kind}-${period}`;
}

/** The kind a cycle id starts with; kinds contain dashes themselves (year-end-2026, half-year-2026-H1). */
export function cycleKindOf(id: string): CycleKind {
  return cycleKinds.find((k) => id.startsWith(`${k}-`)) ?? 'quarterly';
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

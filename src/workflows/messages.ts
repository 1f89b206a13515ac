// Signals and queries of the cycle workflows, shared by the workflows and their clients.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { FailureExplanation } from '../core/failures.js';

export interface MissingFigure { community: string; metric: string; source: string }

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

export const cycleProgressQuery = defineQuery<CycleProgress>('cycleProgress');
/** Sent when figures of the cycle's period are stored; the workflow re-reads what is missing. */
export const figuresSubmittedSignal = defineSignal<[{ community: string; metrics: string[] }]>('figuresSubmitted');

// What the HTTP API needs from the cycle machinery. The Temporal implementation lives beside
// this file; the API never imports Temporal itself.

import type { AppealTiming } from '../contracts/appeals.js';
import type { CycleKind, CycleStarter, MissingFigure } from '../contracts/cycles.js';
import type { FailureExplanation } from '../contracts/failures.js';

export interface CycleStatus {
  cycleId: string;
  kind: CycleKind;
  period: string;
  /** Temporal's execution status: RUNNING, COMPLETED, FAILED, … */
  execution: string;
  /** The workflow's own step, from its status query while it runs. */
  step?: string;
  waitingFor?: MissingFigure[];
  /** Year-end cycles: the year's quarterly cycles not decided yet. */
  waitingForQuarters?: string[];
  deadline?: string;
  /** Once the step is 'failed': why, and what to fix. */
  failure?: FailureExplanation;
}

export class CycleAlreadyStartedError extends Error {
  constructor(readonly cycleId: string) {
    super(`cycle ${cycleId} has already been started`);
    this.name = 'CycleAlreadyStartedError';
  }
}

export interface CyclePort {
  /**
   * Starts the county's cycle of the period, by hand, under its cycle id (`<kind>-<period>-<county>`,
   * or the old id of a cycle made before counties); throws CycleAlreadyStartedError for a second start.
   */
  start(countyId: string, kind: CycleKind, period: string, startedBy: CycleStarter): Promise<{ cycleId: string }>;
  status(cycleId: string): Promise<CycleStatus | null>;
  /** Tells the county's running cycle of that period that figures arrived; does nothing when none runs. */
  metricsSubmitted(countyId: string, period: string, communityId: string, metrics: string[]): Promise<void>;
  /** Starts the review of a filed appeal (one workflow per appeal); a second start for it is a no-op. */
  startAppeal(appealId: number, timing: AppealTiming): Promise<void>;
}

/** Tells long-running workflows (notice, presence, payment follow-ups) that something they wait for happened. */
export interface WorkflowSignals {
  /** Returns false when no such workflow is running, so the caller can say so or carry on. */
  signal(workflowId: string, signalName: string, arg: unknown): Promise<boolean>;
  /**
   * Wakes the workflow, starting it first (as `workflowType` with `args`) when it has never run,
   * so the wake-up is never lost. Calls for one workflow close together may share one signal
   * (with the first call's `arg`): only for workflows that recount from the database when woken.
   * Returns false when that workflow has already closed. Only the first call for a workflow in a
   * process waits for its start; later ones answer true at once and their wake-up follows (or is
   * logged as lost), so a closed workflow is noticed by the call after the one that finds it so.
   */
  signalWithStart(start: { workflowType: string; workflowId: string; args: unknown[] }, signalName: string, arg: unknown): Promise<boolean>;
  /** Sends a notice the API has committed to the inbox on through the configured channels, once per notice; none configured, nothing to do. */
  deliverNotice(noticeId: string): Promise<void>;
}

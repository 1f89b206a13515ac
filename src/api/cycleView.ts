// What GET /api/cycles/{id} answers: one flat description of a cycle from what Temporal says
// of its run and what the Cycle row holds, so a user reads one status and, when it failed, why
// and what to fix.
import { parseCycleId } from '../contracts/cycles.js';
import type { CycleStatus } from '../cycles/port.js';
import type { Db } from '../db/client.js';

type CycleRow = NonNullable<Awaited<ReturnType<Db['cycle']['findUnique']>>>;

export interface CycleFailureView {
  type?: string;
  reason: string;
  fix: string;
  at?: string;
}

export interface CycleView {
  cycleId: string;
  kind: string;
  period: string;
  /** running: collecting figures or deciding; decided; failed: will not go on by itself (see failure). */
  status: 'running' | 'decided' | 'failed';
  /** While running: the workflow's step, what it waits for and until when. */
  step?: string;
  waitingFor?: CycleStatus['waitingFor'];
  waitingForQuarters?: string[];
  deadline?: string;
  failure?: CycleFailureView;
  /** Temporal's status of the latest run (RUNNING, COMPLETED, FAILED, TERMINATED, …); null when Temporal no longer has it. */
  execution: string | null;
  ruleSetVersionId: number | null;
  /** Figures still missing when the cycle was decided. */
  gaps: unknown;
  startedAt: string | null;
  decidedAt: string | null;
}

const restart = 'start the cycle again (POST /api/cycles)';

function failureOf(run: CycleStatus | null, row: CycleRow | null): CycleFailureView {
  if (row?.status === 'failed' && row.failureReason) {
    return { type: row.failureType ?? undefined, reason: row.failureReason, fix: row.failureFix ?? restart, at: row.failedAt?.toISOString() };
  }
  if (run?.failure) return run.failure;
  if (run) return { reason: `the cycle's workflow ended ${run.execution} without deciding it`, fix: restart };
  return { reason: "the cycle's workflow is no longer known to Temporal and the cycle was not decided", fix: restart };
}

export function cycleView(id: string, run: CycleStatus | null, row: CycleRow | null): CycleView {
  const running = run?.execution === 'RUNNING' && run.step !== 'failed';
  const status = running ? 'running' : row?.status === 'decided' ? 'decided' : 'failed';
  return {
    cycleId: id,
    kind: row?.kind ?? run?.kind ?? parseCycleId(id).kind,
    period: row?.period ?? run?.period ?? parseCycleId(id).period,
    status,
    ...(running ? { step: run.step, waitingFor: run.waitingFor, waitingForQuarters: run.waitingForQuarters, deadline: run.deadline } : {}),
    ...(status === 'failed' ? { failure: failureOf(run, row) } : {}),
    execution: run?.execution ?? null,
    ruleSetVersionId: row?.ruleSetVersionId ?? null,
    gaps: row?.gaps ?? null,
    startedAt: row?.startedAt.toISOString() ?? null,
    decidedAt: row?.status === 'decided' ? (row.completedAt?.toISOString() ?? null) : null,
  };
}

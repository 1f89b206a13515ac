// A cycle that cannot be decided ends in a state people see: its row is marked failed with the
// reason and what to fix, and the bureau head gets a notice (delivered like any other), in one
// transaction, once per run of the cycle.
import type { FailureExplanation } from '../contracts/failures.js';
import { countyOfCycle, markCycleFailed } from '../db/cycles.js';
import { systemActor } from './actor.js';
import { cycleFailureText } from '../notices/cycleFailureText.js';
import type { ActivityDeps } from './deps.js';
import { bureauHead } from '../core/recipients.js';

export interface CycleFailureInput {
  cycleId: string;
  kind: string;
  period: string;
  /** The cycle's county; runs started before counties have none (their row or id says, else county-1). */
  countyId?: string;
  /** The failed run's start instant: each run that fails tells the bureau once. */
  run: string;
  failure: FailureExplanation;
}

export function cycleFailureActivities({ db, notifier, clock }: ActivityDeps) {
  return {
    async recordCycleFailure(input: CycleFailureInput): Promise<{ noticeId: string }> {
      const noticeId = `${input.cycleId}/cycle-failed/${input.run}`;
      await db.$transaction(async (tx) => {
        if (await tx.notice.findUnique({ where: { id: noticeId } })) return;
        const row = await tx.cycle.findUnique({ where: { id: input.cycleId }, select: { countyId: true } });
        const countyId = countyOfCycle(input.cycleId, row, input.countyId);
        const actor = systemActor(countyId, 'cycleFailure');
        await markCycleFailed(tx, actor, { id: input.cycleId, countyId, kind: input.kind, period: input.period }, input.failure, clock());
        const facts = { cycleId: input.cycleId, kind: input.kind, period: input.period, ...input.failure };
        await notifier.publish(tx, {
          id: noticeId,
          // The bureau head of the cycle's county is told.
          countyId,
          kind: 'cycle-failed',
          cycleId: input.cycleId,
          about: input.cycleId,
          recipients: [bureauHead],
          facts,
          ...cycleFailureText(facts),
        });
      });
      return { noticeId };
    },
  };
}

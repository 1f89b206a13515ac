// A cycle that cannot be decided ends in a state people see: its row is marked failed with the
// reason and what to fix, and the bureau head gets a notice (delivered like any other), in one
// transaction, once per run of the cycle.
import type { FailureExplanation } from '../contracts/failures.js';
import { markCycleFailed } from '../db/cycles.js';
import { cycleFailureText } from '../notices/cycleFailureText.js';
import type { ActivityDeps } from './deps.js';
import { bureauHead } from '../core/recipients.js';

const actor = 'system:cycleFailure';

export interface CycleFailureInput {
  cycleId: string;
  kind: string;
  period: string;
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
        await markCycleFailed(tx, actor, { id: input.cycleId, kind: input.kind, period: input.period }, input.failure, clock());
        const facts = { cycleId: input.cycleId, kind: input.kind, period: input.period, ...input.failure };
        await notifier.publish(tx, {
          id: noticeId,
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

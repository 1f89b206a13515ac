// Follow-up planner and paging for payment verification: the cycle starts one launcher per
// cycle, which starts one paymentVerification per obligation (see workflows/paymentFollowUps.ts).
import type { FollowUp } from '../contracts/followUps.js';
import { paymentFollowUpsWorkflowId, paymentFollowUpsWorkflowType, paymentVerificationWorkflowType, paymentWorkflowId } from '../contracts/payments.js';
import type { PaymentTiming } from '../core/settlement.js';
import { openedCycle } from '../db/cycles.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import type { RuleSetParameters } from '../rules/ruleSet.js';
import type { ActivityDeps } from './deps.js';
import type { FollowUpPlanner } from './followUpPlanner.js';

export const paymentVerifications: FollowUpPlanner = async (db, cycleId) => {
  const any = await db.paymentObligation.count({ where: { cycleId } });
  return any === 0 ? [] : [{ workflowType: paymentFollowUpsWorkflowType, workflowId: paymentFollowUpsWorkflowId(cycleId), args: [{ cycleId }] }];
};

/** The payment timings of the rule set the cycle was decided under. */
export function paymentTiming(p: RuleSetParameters): PaymentTiming {
  return {
    remindDaysBefore: p.paymentReminderDaysBefore,
    escalateEveryDays: p.paymentEscalationDays,
    settleAfterDays: p.paymentSettleAfterDays,
    disputeWindowDays: p.paymentDisputeWindowDays,
  };
}

export function paymentFollowUpActivities({ db }: ActivityDeps) {
  return {
    async obligationPage(input: { cycleId: string; after?: string; limit: number }): Promise<{ followUps: FollowUp[]; last?: string }> {
      const cycle = await openedCycle(db, input.cycleId);
      const timing = paymentTiming((await ruleSetVersion(db, cycle.ruleSetVersionId)).ruleSet.parameters);
      const rows = await db.paymentObligation.findMany({
        where: { cycleId: input.cycleId, ...(input.after === undefined ? {} : { id: { gt: input.after } }) },
        orderBy: { id: 'asc' },
        take: input.limit,
        select: { id: true, dueOn: true },
      });
      return {
        followUps: rows.map((o) => ({
          workflowType: paymentVerificationWorkflowType,
          workflowId: paymentWorkflowId(o.id),
          args: [{ obligationId: o.id, dueOn: o.dueOn, timing }],
        })),
        last: rows.at(-1)?.id,
      };
    },
  };
}

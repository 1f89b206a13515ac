// Follow-up planner and paging for payment verification. A cycle now starts one
// cyclePaymentVerification for all its obligations. Cycles planned before started one launcher,
// which starts one paymentVerification per obligation (see workflows/paymentFollowUps.ts), a page
// at a time, from an activity: as children, each start cost the launcher's history a few events
// and the server an update of the launcher, one after another (about one a second on the dev
// server of a busy machine). The planner's answer is recorded in the cycle's history, so a cycle
// that planned the launcher keeps it on replay.
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client';
import type { FollowUp } from '../contracts/followUps.js';
import { cyclePaymentVerificationWorkflowType, cyclePaymentWorkflowId, paymentVerificationWorkflowType, paymentWorkflowId } from '../contracts/payments.js';
import type { PaymentTiming } from '../core/settlement.js';
import { openedCycle } from '../db/cycles.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import type { RuleSetParameters } from '../rules/ruleSet.js';
import type { Db } from '../db/client.js';
import type { ActivityDeps } from './deps.js';
import type { FollowUpPlanner } from './followUpPlanner.js';
import { followUpSummary } from '../contracts/summaries.js';

export const paymentVerifications: FollowUpPlanner = async (db, cycleId) => {
  const any = await db.paymentObligation.count({ where: { cycleId } });
  if (any === 0) return [];
  // The input of workflows/cyclePaymentVerification.ts.
  const args = [{ cycleId, timing: await cycleTiming(db, cycleId) }];
  return [{ workflowType: cyclePaymentVerificationWorkflowType, workflowId: cyclePaymentWorkflowId(cycleId), args }];
};

async function cycleTiming(db: Db, cycleId: string): Promise<PaymentTiming> {
  const cycle = await openedCycle(db, cycleId);
  return paymentTiming((await ruleSetVersion(db, cycle.ruleSetVersionId)).ruleSet.parameters);
}

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
  async function obligationPage(input: { cycleId: string; after?: string; limit: number }): Promise<{ followUps: FollowUp[]; last?: string }> {
    const timing = await cycleTiming(db, input.cycleId);
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
  }

  return {
    obligationPage,

    /**
     * Starts the verification of each obligation of a page on the activity's task queue, several
     * at a time; one already started (a retry's, or a second launcher's) is left as it is.
     */
    async startPaymentVerifications(input: { cycleId: string; after?: string; limit: number }): Promise<{ started: number; last?: string }> {
      const page = await obligationPage(input);
      const { client, info } = Context.current();
      let next = 0;
      const lane = async () => {
        while (next < page.followUps.length) {
          const f = page.followUps[next++]!;
          try {
            await client.workflow.start(f.workflowType, {
              workflowId: f.workflowId,
              taskQueue: info.taskQueue,
              args: f.args,
              workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
              staticSummary: followUpSummary(f.workflowType, f.workflowId),
            });
          } catch (err) {
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          }
          Context.current().heartbeat(next);
        }
      };
      await Promise.all(Array.from({ length: 8 }, lane));
      return { started: page.followUps.length, last: page.last };
    },
  };
}

// What the appeal workflow tests share: a time-skipping county (bindings from 2020, so each test
// can decide the first quarter of its own year), filing and deciding through the real ledger and
// workflow port, and the cleanup of what the workflows leave running.
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { decideAppeal, fileAppeal, type AppealDecision } from '../../src/api/appealLedger.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { appealWorkflowId } from '../../src/contracts/appeals.js';
import { cycleId as cycleIdOf } from '../../src/contracts/cycles.js';
import { appealDecidedSignal } from '../../src/workflows/appealMessages.js';
import { decideQuarters } from './decidedQuarters.js';
import { firstCounty } from './counties.js';
import { timeSkippingCounty } from './timeSkippingCounty.js';

export type AppealCounty = Awaited<ReturnType<typeof appealCounty>>;
export type DecidedQuarter = Awaited<ReturnType<AppealCounty['decidedQuarter']>>;

export async function appealCounty(name: string) {
  const county = await timeSkippingCounty(name, '2020-01-01');
  const { env, db } = county;
  const activities = () => createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date() });
  // A workflow left running with no worker holds up time skipping for every later test.
  const started: string[] = [];
  // Decisions are stamped with this process's clock; the window is judged by it too.
  const today = () => new Date().toISOString().slice(0, 10);

  return {
    env,
    db,
    activities,
    started,

    /** Terminates what the test started (no notice deliveries: no channel beyond the inbox is configured here). */
    async cleanup() {
      for (const id of started.splice(0))
        await env.client.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined);
    },
    stop: () => county.stop(),

    /** Decides `year`-Q1 and returns it with its last office and that office's first officer. */
    async decidedQuarter(year: number) {
      await decideQuarters(db, activities(), year, [0]);
      const cycleId = cycleIdOf('quarterly', `${year}-Q1`, firstCounty.id);
      const last = await db.evaluation.findFirstOrThrow({ where: { cycleId, isLast: true } });
      const officer = await db.binding.findFirstOrThrow({ where: { communityId: last.communityId, subjectType: 'officer' }, orderBy: { subjectId: 'asc' } });
      return { cycleId, year, last: last.communityId, officer: officer.subjectId };
    },

    /** The last office's officer claims a satisfaction rate of 1: enough to lift the office off last place. */
    async fileAndStart(q: { cycleId: string; officer: string }, taskQueue: string) {
      // The officer files in their own name, in their county.
      const { countyId } = await db.officer.findUniqueOrThrow({ where: { id: q.officer } });
      const { appeal, timing } = await fileAppeal(db, { actor: q.officer, countyId }, today(), {
        contests: 'evaluation',
        officerId: q.officer,
        cycleId: q.cycleId,
        reason: '满意率调查漏计一个小区',
        metric: 'satisfaction',
        value: 1,
      });
      await createTemporalCycles(env.client, taskQueue).startAppeal(appeal.id, timing);
      started.push(appealWorkflowId(appeal.id), `${appealWorkflowId(appeal.id)}/payments`);
      return appeal.id;
    },

    async decide(appealId: number, d: AppealDecision) {
      const { countyId } = await db.appeal.findUniqueOrThrow({ where: { id: appealId } });
      const a = await decideAppeal(db, { actor: 'bureau', countyId }, new Date(), appealId, d);
      await env.client.workflow.getHandle(appealWorkflowId(appealId)).signal(appealDecidedSignal, { status: a.status });
    },

    async standing(cycleId: string) {
      return {
        evaluations: await db.evaluation.findMany({ where: { cycleId }, orderBy: [{ communityId: 'asc' }, { revision: 'asc' }] }),
        decisions: await db.decision.findMany({ where: { cycleId }, orderBy: { id: 'asc' } }),
        obligations: await db.paymentObligation.findMany({ where: { cycleId }, orderBy: { id: 'asc' } }),
      };
    },

    worker: (taskQueue: string, acts = activities()) =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        activities: acts,
        shutdownGraceTime: '100ms',
      }),
  };
}

// Recorded histories must replay on today's workflow code, and must not on a reordered copy. One
// or more for every workflow type, each written by the test named below with RECORD_HISTORY=1
// (test/support/histories.ts) on the code of its day, and never re-recorded since:
// - quarterly-evaluation: the first release, under the type quarterlyEvaluation, before months
//   and half-years: a cycle waiting across the upgrade;
// - period-evaluation (periodEvaluation.test.ts): the chase sent by every channel, patched
//   'chase-by-every-channel';
// - period-evaluation-failed (cycleFailure.test.ts): a cycle failing visibly, patched 'cycle-failure-recorded';
// - period-evaluation-register-derived (registerDerivation.test.ts): the register's rates derived on
//   opening and before deciding, patched 'register-derivations';
// - payment-verification (paymentVerification.test.ts): settled, disputed, settled again, closed, with
//   'payment-notices-by-every-channel', before settling and closing became guarded transitions;
// - payment-verification-guarded (paymentVerification.test.ts): a refused close taken back, both patches;
// - payment-verification-reminded-closed and joint-notice-acknowledgement: recorded before appeals,
//   before the chase loop was shared with them (workflows/chase.ts) and before 'appeal-freeze';
// - payment-verification-appeal-freeze (appealReview.test.ts): held by an open appeal, then settled;
// - payment-verification-inbox-only (paymentVerification.test.ts), period-evaluation-failed-inbox-only
//   (monthlyEvaluation.test.ts): notices with no channel beyond the inbox configured, so no delivery
//   started, patched 'no-delivery-without-channels' (the review said so; the failed cycle asked);
// - appeal-review-upheld (appealReview.test.ts), appeal-review-overturned (appealOverturn.test.ts):
//   the appeal workflow's two ways through; appeal-payments: the payments that overturn woke,
//   fetched once by hand after that test's run;
// - the others follow one path each of the workflow their name says.
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/temporal/workflowBundle.js';
import { recordedHistory } from '../support/histories.js';

/** Histories of the types the reordered copy also defines, so replaying them on it must fail. */
const reorderable = [
  'quarterly-evaluation',
  'period-evaluation',
  'period-evaluation-failed',
  'period-evaluation-register-derived',
  'payment-verification',
  'payment-verification-guarded',
  'payment-verification-reminded-closed',
  'payment-verification-appeal-freeze',
  'payment-verification-inbox-only',
  'period-evaluation-failed-inbox-only',
];
const histories = [
  ...reorderable,
  'joint-notice-acknowledgement-escalated', // reminded twice, escalated once, all acknowledged
  'joint-notice-acknowledgement', // reminded, escalated and acknowledged, recorded before appeals
  'appeal-review-upheld', // filed, upheld, the held payment woken
  'appeal-review-overturned', // filed, overturned, re-decided, concluded
  'appeal-payments', // the held payments woken, one page
  'notice-delivery-retried', // a webhook failing three times, then mail
  'payment-follow-ups', // the second page, after continue-as-new
  'cycle-payment-verification', // one obligation settled, disputed, settled again, closed (cyclePaymentVerification.test.ts)
  'presence-month-reminded', // reminded at every point, the violation recorded
  'presence-month-started-by-visit', // signal-with-start: the month planned by the workflow
  'presence-month-continued-as-new', // flooded with 2,000 signals after a reminder, continued as new (presenceContinueAsNew.test.ts)
  'presence-launcher', // the last page, after continue-as-new
  'weekly-bulletins', // the last page, after continue-as-new
  'register-sweep', // the last page, after continue-as-new, its first page's activity retried
  'year-end-evaluation', // decided at once
  'year-end-evaluation-waiting', // waiting day by day for quarters that never came
  'scheduled-period-cycle', // fired by the monthly Schedule, starting the month's cycle
  'scheduled-period-cycle-skipped', // a month the rules in force do not evaluate
  'scheduled-quarterly-cycle', // the first release's launcher type, fired by a Schedule it left
  'scheduled-year-end', // fired by the year-end Schedule
];
const reorderedPath = fileURLToPath(new URL('../fixtures/reordered-workflows/index.ts', import.meta.url));

/** Replays each history under its own name as workflow id; the error of each, undefined when it replayed. */
async function replay(path: string, names: string[]) {
  const errors = new Map<string, unknown>();
  const recorded = names.map((name) => ({ workflowId: name, history: recordedHistory(name) }));
  for await (const r of Worker.runReplayHistories({ workflowsPath: path }, recorded)) errors.set(r.workflowId, r.error);
  return errors;
}

describe('replaying the recorded histories', () => {
  let today: Map<string, unknown>;
  let reordered: Map<string, unknown>;
  beforeAll(async () => {
    // One bundle for all of them: bundling the workflows is most of the time a replay takes.
    today = await replay(workflowsPath, histories);
    reordered = await replay(reorderedPath, reorderable);
  });

  it.each(histories)('%s replays cleanly on the current workflow code', (name) => {
    expect(today.has(name)).toBe(true);
    expect(today.get(name)).toBeUndefined();
  });

  it.each(reorderable)('%s fails on a copy that calls its activities in another order', (name) => {
    expect(reordered.get(name)).toBeInstanceOf(DeterminismViolationError);
  });
});

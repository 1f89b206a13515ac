// Waiting for people with reminders and one escalation, shared by the joint-notice chase and the
// appeal review: a reminder every `remindEveryDays` from `since`, the escalation once
// `escalateAfterDays` have passed, until `done()` holds. Signals only make `done()` true sooner.
import { condition, workflowInfo } from '@temporalio/workflow';
import { daysMs } from '../core/time.js';

export interface ChaseProgress {
  since: number;
  reminders: number;
  escalated: boolean;
}

export interface ChaseSteps {
  remindEveryDays: number;
  escalateAfterDays: number;
  remind(round: number): Promise<void>;
  escalate(): Promise<void>;
  /** Continues as new with the progress so far when the history grows long; does not return. */
  carryOver(progress: ChaseProgress): Promise<never>;
}

export async function chase(progress: ChaseProgress, done: () => boolean, steps: ChaseSteps): Promise<ChaseProgress> {
  let { reminders, escalated } = progress;
  const { since } = progress;
  while (!done()) {
    const remindAt = since + daysMs((reminders + 1) * steps.remindEveryDays);
    const escalateAt = since + daysMs(steps.escalateAfterDays);
    const next = escalated ? remindAt : Math.min(remindAt, escalateAt);
    if (await condition(done, Math.max(0, next - Date.now()))) break;
    if (!escalated && Date.now() >= escalateAt) {
      await steps.escalate();
      escalated = true;
    }
    if (!done() && Date.now() >= remindAt) {
      reminders += 1;
      await steps.remind(reminders);
    }
    if (workflowInfo().continueAsNewSuggested) await steps.carryOver({ since, reminders, escalated });
  }
  return { since, reminders, escalated };
}

// One leader's month: reminders at the configured points while the leader is short of days,
// then the month's record. Visits arrive as signals and only prompt a recount from the
// database, so a lost signal delays nothing that matters: every reminder recounts anyway.
// The launcher starts it with the month planned; a visit that comes first starts it by
// signal-with-start with only the leader, community and month, and it plans the month itself.
// A flood of visits continues it as new with what is still ahead; the handler is synchronous, so
// nothing is left half-handled, and a signal that lands around the switch costs nothing: the
// next run recounts from the database first.
import { condition, continueAsNew, defineQuery, defineSignal, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import type { PresenceMonthInput } from '../activities/presence.js';
import { presenceProgressQueryName, visitChangedSignalName, type PresenceMonthStart, type PresenceProgress, type VisitChanged } from '../contracts/presence.js';
import { deliverNotices } from './deliveries.js';

const { presenceDays, presenceMonthPlan, remindPresence, recordPresence } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export const visitChangedSignal = defineSignal<[VisitChanged]>(visitChangedSignalName);
export const presenceProgressQuery = defineQuery<PresenceProgress>(presenceProgressQueryName);

/**
 * A run continues as new past this many events, whatever the server suggests (a cluster may suggest
 * late or never): a fifth of the 10,240 at which Temporal warns, so the signals that keep arriving
 * while the switch is decided stay far below it and below the 10,000 signals a run may take, and
 * still some twenty times the history of a busy month (about 100 events).
 */
export const presenceHistoryLimit = 2_000;

/** The month carried over continue-as-new: the reminders still ahead, the days counted and reminded so far. */
export type PresenceMonthCarried = PresenceMonthInput & Partial<Pick<PresenceProgress, 'days' | 'reminded'>>;

export async function presenceMonth(start: PresenceMonthCarried | PresenceMonthStart): Promise<PresenceProgress> {
  const progress: PresenceProgress = { days: [], reminded: [] };
  if ('reminders' in start) Object.assign(progress, { days: start.days ?? [], reminded: start.reminded ?? [] });
  let changed = false;
  setHandler(visitChangedSignal, () => {
    changed = true;
  });
  setHandler(presenceProgressQuery, () => progress);
  const asOf = () => new Date().toISOString();
  // No patch marker: a run started with a planned month (every run before this change) takes
  // exactly the commands it always took; only a visit's start plans first.
  const input = 'reminders' in start ? start : await presenceMonthPlan({ ...start, at: asOf() });
  const recount = async () => {
    changed = false;
    progress.days = await presenceDays({ ...input, asOf: asOf() });
  };
  const long = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= presenceHistoryLimit;
  // `ahead`: the reminders not yet due, the one waited for included. Runs begun before the
  // switch existed never take it.
  const waitUntil = async (at: string, ahead: PresenceMonthInput['reminders']) => {
    for (let left = Date.parse(at) - Date.now(); left > 0; left = Date.parse(at) - Date.now()) {
      if (await condition(() => changed, left)) await recount();
      if (long() && patched('presence-month-continue-as-new')) {
        const { days, reminded } = progress;
        await continueAsNew<typeof presenceMonth>({ ...input, reminders: ahead, days, reminded });
      }
    }
  };

  await recount();
  for (const [i, { date, at }] of input.reminders.entries()) {
    await waitUntil(at, input.reminders.slice(i));
    // Counted days never decrease (an answer is final), so a leader who has enough is done.
    if (progress.days.length >= input.minDays) continue;
    const { days, published } = await remindPresence({ ...input, date, asOf: asOf() });
    progress.days = days;
    if (published) {
      progress.reminded.push(date);
      await deliverNotices([published]);
    }
  }
  await waitUntil(input.judgeAt, []);
  const { published, ...recorded } = await recordPresence({ ...input, asOf: asOf() });
  progress.recorded = recorded;
  if (published) await deliverNotices([published]);
  return progress;
}

// One leader's month: reminders at the configured points while the leader is short of days,
// then the month's record. Visits arrive as signals and only prompt a recount from the
// database, so a lost signal delays nothing that matters: every reminder recounts anyway.
// The launcher starts it with the month planned; a visit that comes first starts it by
// signal-with-start with only the leader, community and month, and it plans the month itself.
import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities/index.js';
import { permanentFailureTypes } from '../contracts/failures.js';
import { singleTransaction } from './activityTimeouts.js';
import type { PresenceMonthInput } from '../activities/presence.js';
import { noticeDeliveryFollowUp } from '../contracts/notices.js';
import { presenceProgressQueryName, visitChangedSignalName, type PresenceMonthStart, type PresenceProgress, type VisitChanged } from '../contracts/presence.js';
import { startFollowUps } from './followUps.js';

const { presenceDays, presenceMonthPlan, remindPresence, recordPresence } = proxyActivities<ReturnType<typeof createActivities>>({
  ...singleTransaction,
  retry: { initialInterval: '2 seconds', maximumInterval: '5 minutes', nonRetryableErrorTypes: permanentFailureTypes },
});

export const visitChangedSignal = defineSignal<[VisitChanged]>(visitChangedSignalName);
export const presenceProgressQuery = defineQuery<PresenceProgress>(presenceProgressQueryName);

export async function presenceMonth(start: PresenceMonthInput | PresenceMonthStart): Promise<PresenceProgress> {
  const progress: PresenceProgress = { days: [], reminded: [] };
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
  const waitUntil = async (at: string) => {
    for (let left = Date.parse(at) - Date.now(); left > 0; left = Date.parse(at) - Date.now()) {
      if (await condition(() => changed, left)) await recount();
    }
  };

  await recount();
  for (const { date, at } of input.reminders) {
    await waitUntil(at);
    // Counted days never decrease (an answer is final), so a leader who has enough is done.
    if (progress.days.length >= input.minDays) continue;
    const { days, published } = await remindPresence({ ...input, date, asOf: asOf() });
    progress.days = days;
    if (published) {
      progress.reminded.push(date);
      await startFollowUps([noticeDeliveryFollowUp(published)]);
    }
  }
  await waitUntil(input.judgeAt);
  const { published, ...recorded } = await recordPresence({ ...input, asOf: asOf() });
  progress.recorded = recorded;
  if (published) await startFollowUps([noticeDeliveryFollowUp(published)]);
  return progress;
}

// Firing a Schedule on demand: the dev server runs Schedules, and a backfill of one instant is a
// firing at that instant, as the Schedule would have made it.
import type { Client } from '@temporalio/client';
import { expect } from 'vitest';

/** Backfills one firing of a Schedule and returns a handle on the workflow it started. */
export async function fire(client: Client, scheduleId: string, at: string) {
  const schedule = client.schedule.getHandle(scheduleId);
  const instant = Date.parse(at);
  await schedule.backfill({ start: new Date(instant - 60_000), end: new Date(instant + 60_000), overlap: 'ALLOW_ALL' });
  let started: string | undefined;
  await expect
    .poll(
      async () => {
        const actions = (await schedule.describe()).info.recentActions;
        // The latest firing at that instant: an earlier test may have backfilled the same one.
        started = actions.filter((a) => a.scheduledAt.getTime() === instant).at(-1)?.action.workflow.workflowId;
        return started;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeDefined();
  return client.workflow.getHandle(started!);
}

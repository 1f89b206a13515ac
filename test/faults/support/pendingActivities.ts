// Whether an activity is running right now, as the Temporal server sees it: a pending activity
// in state STARTED means a worker has taken it and not yet reported back.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { expect } from 'vitest';

/** Waits until one of the workflows has a started activity (of `type`, if given); returns that workflow's id. */
export async function activityStarted(client: Client, workflowIds: string[], type?: string, timeoutMs = 60_000): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      async () => {
        for (const id of workflowIds) {
          const { raw } = await client.workflow.getHandle(id).describe();
          const started = raw.pendingActivities?.some(
            (a) => a.state === temporal.api.enums.v1.PendingActivityState.PENDING_ACTIVITY_STATE_STARTED && (!type || a.activityType?.name === type),
          );
          if (started) return (found = id);
        }
        return undefined;
      },
      { timeout: timeoutMs, interval: 100 },
    )
    .toBeDefined();
  return found!;
}

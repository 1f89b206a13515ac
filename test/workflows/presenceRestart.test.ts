// A worker restarted mid-month loses nothing: visits and signals wait for the next worker.
import { describe, expect, it } from 'vitest';
import { presenceProgressQuery } from '../../src/workflows/presenceMonth.js';
import { presenceHarness } from '../support/presence.js';

const p = presenceHarness('workflow-presence-restart');
const { nextMonthOf, worker, start, logVisit, sleepUntil, violationOf } = p;

describe('presenceMonth', () => {
  it('loses nothing when the worker restarts mid-month, and counts visits left unanswered long enough', async () => {
    const input = await nextMonthOf('L05');
    const first = await worker();
    const handle = await first.runUntil(async () => {
      const h = await start(input);
      await sleepUntil(input.reminders[1]!.at);
      await expect.poll(async () => (await h.query(presenceProgressQuery)).reminded).toHaveLength(2);
      return h;
    });
    // No worker: the visits and their signals wait in the database and the workflow's history.
    await logVisit(input, 21, 'pending', true);
    await logVisit(input, 22, 'disputed', true);
    await logVisit(input, 23, 'pending', true);
    const second = await worker();
    const progress = await second.runUntil(handle.result());
    // Left unanswered for the confirmation days, both pending days count by the last reminder point.
    expect(progress.reminded).toEqual(input.reminders.slice(0, 2).map((r) => r.date));
    expect(progress.recorded).toEqual({ days: 2, compliant: true });
    expect(await violationOf(input)).toBeNull();
  });
});

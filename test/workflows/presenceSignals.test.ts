// A leader catching up mid-month: reminders stop once the days are in; a day logged twice counts once.
import { describe, expect, it } from 'vitest';
import { presenceProgressQuery } from '../../src/workflows/presenceMonth.js';
import { presenceHarness } from '../support/presence.js';

const p = presenceHarness('workflow-presence-signals');
const { nextMonthOf, worker, start, settled, logVisit, sleepUntil, remindersOf } = p;

describe('presenceMonth', () => {
  it('stops reminding once the days are in, and counts a day logged twice once', async () => {
    const input = await nextMonthOf('L03');
    const w = await worker();
    const progress = await w.runUntil(async () => {
      const handle = await start(input);
      await sleepUntil(input.reminders[0]!.at);
      await expect.poll(async () => (await handle.query(presenceProgressQuery)).reminded).toHaveLength(1);
      await logVisit(input, 12, 'confirmed');
      await logVisit(input, 12, 'confirmed', true);
      await expect.poll(async () => (await handle.query(presenceProgressQuery)).days).toEqual([`${input.month}-12`]);
      await logVisit(input, 15, 'confirmed', true);
      await expect.poll(async () => (await handle.query(presenceProgressQuery)).days).toHaveLength(2);
      return settled(input, await handle.result());
    });
    expect(progress).toMatchObject({ reminded: [input.reminders[0]!.date], recorded: { days: 2, compliant: true } });
    expect((await remindersOf(input)).map((r) => r.days)).toEqual([0]);
  });
});

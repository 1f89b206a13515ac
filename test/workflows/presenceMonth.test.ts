// Whole months of leader presence on the time-skipping server, with real activities on SQLite.
import { describe, expect, it } from 'vitest';
import { presenceHarness } from '../support/presence.js';
import { recordHistory } from '../support/histories.js';

const p = presenceHarness('workflow-presence');
const { nextMonthOf, worker, start, settled, logVisit, remindersOf, violationOf } = p;

describe('presenceMonth', () => {
  it('sends nothing to a leader with 2 days by the 10th and records the month as compliant', async () => {
    const input = await nextMonthOf('L01');
    await logVisit(input, 2, 'confirmed');
    await logVisit(input, 6, 'confirmed');
    const w = await worker();
    const progress = await w.runUntil(async () => settled(input, await (await start(input)).result()));
    expect(progress).toMatchObject({ reminded: [], recorded: { days: 2, compliant: true } });
    expect(await remindersOf(input)).toEqual([]);
    expect(await violationOf(input)).toBeNull();
    expect(await p.db.presenceMonth.findUniqueOrThrow({ where: { leaderId_month: { leaderId: 'L01', month: input.month } } })).toMatchObject({
      days: 2,
      compliant: true,
    });
  });

  it('reminds a leader with 1 day (logged twice) at every point, saying one more is needed, and circulates the violation', async () => {
    const input = await nextMonthOf('L02');
    await logVisit(input, 5, 'confirmed');
    await logVisit(input, 5, 'confirmed');
    const w = await worker();
    const progress = await w.runUntil(async () => settled(input, await (await start(input)).result()));
    expect(progress.recorded).toEqual({ days: 1, compliant: false });
    const reminders = await remindersOf(input);
    expect(reminders.map((r) => r.date)).toEqual(input.reminders.map((r) => r.date));
    expect(reminders.every((r) => r.days === 1 && r.required === 2 && r.workingDaysLeft > 0)).toBe(true);
    const text = await p.db.notice.findFirstOrThrow({ where: { kind: 'presence-reminder', about: 'L02', id: { contains: input.month } } });
    expect(text.bodyZh).toContain('还需1天');
    const violation = await violationOf(input);
    expect(violation!.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head', 'leader:L02']);
    expect(violation!.facts).toMatchObject({ days: 1, required: 2 });
    await recordHistory(p.env.client.workflow.getHandle(`presence/L02/${input.month}`), 'presence-month-reminded');
  });
});

import { describe, expect, it } from 'vitest';
import { countedDays, judgeMonth, localMonth, reminderDates, workingDaysLeft, zonedInstant } from '../../src/core/presenceMonth.js';

describe('presence month', () => {
  it('counts confirmed days and days unanswered long enough, each date once, never disputed ones', () => {
    const visits = [
      { date: '2026-03-03', status: 'confirmed' as const, loggedAt: '2026-03-03T10:00:00Z' },
      { date: '2026-03-03', status: 'pending' as const, loggedAt: '2026-03-03T11:00:00Z' },
      { date: '2026-03-05', status: 'disputed' as const, loggedAt: '2026-03-05T10:00:00Z' },
      { date: '2026-03-20', status: 'pending' as const, loggedAt: '2026-03-20T10:00:00Z' },
      { date: '2026-03-25', status: 'pending' as const, loggedAt: '2026-03-25T10:00:00Z' },
      { date: '2026-02-27', status: 'confirmed' as const, loggedAt: '2026-02-27T10:00:00Z' },
    ];
    expect(countedDays(visits, '2026-03', '2026-03-28T00:00:00Z', 7)).toEqual(['2026-03-03', '2026-03-20']);
    expect(judgeMonth('L1', '2026-03', ['2026-03-03', '2026-03-20'], 2)).toEqual({ leader: 'L1', month: '2026-03', days: 2, compliant: true });
    expect(judgeMonth('L1', '2026-03', ['2026-03-03'], 2).compliant).toBe(false);
  });

  it('places reminders on the 10th, the 20th and 3 days before the month ends', () => {
    expect(reminderDates('2026-02', [10, 20, -3])).toEqual(['2026-02-10', '2026-02-20', '2026-02-25']);
    expect(reminderDates('2026-03', [-3, 10, 20])).toEqual(['2026-03-10', '2026-03-20', '2026-03-28']);
  });

  it('counts the working days left, holidays excluded', () => {
    // 2026-03-20 is a Friday: 20, 23–27, 30, 31.
    expect(workingDaysLeft('2026-03-20', [])).toBe(8);
    expect(workingDaysLeft('2026-03-20', ['2026-03-23'])).toBe(7);
  });

  it("finds the local month of an instant (a Schedule's local midnight, a start by hand on the last day), and local times as instants", () => {
    expect(localMonth('2026-02-28T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03');
    expect(localMonth('2026-03-01T05:00:00Z', 'Asia/Shanghai')).toBe('2026-03');
    // 30 November, 10:00 in Shanghai: a launcher started by hand that day is for November.
    expect(localMonth('2026-11-30T02:00:00Z', 'Asia/Shanghai')).toBe('2026-11');
    expect(localMonth('2026-12-01T02:00:00Z', 'America/New_York')).toBe('2026-11');
    expect(zonedInstant('2026-03-10', 9, 'Asia/Shanghai')).toBe('2026-03-10T01:00:00.000Z');
    expect(zonedInstant('2026-04-01', 0, 'Asia/Shanghai')).toBe('2026-03-31T16:00:00.000Z');
  });
});

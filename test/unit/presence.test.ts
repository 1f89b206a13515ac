import { describe, expect, it } from 'vitest';
import { judgePresence, presenceNotices } from '../../src/core/presence.js';

describe('judgePresence', () => {
  const visits = [
    { leader: 'L1', date: '2026-01-08' },
    { leader: 'L1', date: '2026-01-08' }, // same day twice counts once
    { leader: 'L1', date: '2026-02-03' },
    { leader: 'L1', date: '2026-02-19' },
    { leader: 'L2', date: '2026-01-31' },
    { leader: 'L2', date: '2025-01-15' }, // other year ignored
    { leader: 'L9', date: '2026-01-02' },
    { leader: 'L9', date: '2026-01-03' }, // unlisted leader ignored
  ];
  const judged = judgePresence(2026, ['L1', 'L2'], visits);

  it('judges every leader in every month, at least two distinct days', () => {
    expect(judged).toHaveLength(24);
    expect(judged.slice(0, 3)).toEqual([
      { leader: 'L1', month: '2026-01', days: 1, compliant: false },
      { leader: 'L1', month: '2026-02', days: 2, compliant: true },
      { leader: 'L1', month: '2026-03', days: 0, compliant: false },
    ]);
    expect(judged.find((j) => j.leader === 'L2' && j.month === '2026-01')).toEqual({ leader: 'L2', month: '2026-01', days: 1, compliant: false });
  });

  it('takes the required days from configuration', () => {
    expect(
      judgePresence(2026, ['L1'], visits, 1)
        .filter((j) => j.compliant)
        .map((j) => j.month),
    ).toEqual(['2026-01', '2026-02']);
  });

  it('sends one presence-violation notice to the leader per non-compliant month', () => {
    const notices = presenceNotices(judged);
    expect(notices).toHaveLength(11 + 12);
    expect(notices[0]).toEqual({
      kind: 'presence-violation',
      about: 'L1',
      recipients: [{ type: 'leader', id: 'L1' }],
      facts: { month: '2026-01', days: 1, required: 2 },
    });
  });
});

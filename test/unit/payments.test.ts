import { describe, expect, it } from 'vitest';
import { findOverdue, overdueNotices } from '../../src/core/payments.js';
import type { Obligation } from '../../src/core/types.js';

const obligations: Obligation[] = [
  { id: '2026-Q1/subsidy/o1', kind: 'subsidy', payees: ['o1'], community: 'a', amount: 1523.4, due: '2026-04-30' },
  { id: '2026-Q1/subsidy/o2', kind: 'subsidy', payees: ['o2'], community: 'a', amount: 0.3, due: '2026-04-30' },
  { id: '2026-Q1/subsidy/o3', kind: 'subsidy', payees: ['o3'], community: 'b', amount: 1480, due: '2026-04-30' },
  { id: '2026/reward/a', kind: 'reward', payees: ['o1', 'o2'], community: 'a', amount: 1000, due: '2027-01-30' },
];
const payments = [
  { obligation: '2026-Q1/subsidy/o1', amount: 1523.4, paidOn: '2026-04-20' },
  { obligation: '2026-Q1/subsidy/o2', amount: 0.1, paidOn: '2026-04-20' },
  { obligation: '2026-Q1/subsidy/o2', amount: 0.2, paidOn: '2026-04-21' },
  { obligation: '2026-Q1/subsidy/o3', amount: 1000, paidOn: '2026-04-25' },
  { obligation: '2026-Q1/subsidy/o3', amount: 480, paidOn: '2026-06-01' },
];

describe('findOverdue', () => {
  it('flags obligations due before the date and not fully paid by then', () => {
    expect(findOverdue(obligations, payments, '2026-05-31')).toEqual([
      { obligation: '2026-Q1/subsidy/o3', due: '2026-04-30', amount: 1480, paid: 1000, community: 'b', payees: ['o3'] },
    ]);
    expect(findOverdue(obligations, payments, '2026-06-01')).toEqual([]);
  });

  it('is not overdue on the due day itself, only after it', () => {
    expect(findOverdue(obligations, [], '2027-01-30').map((o) => o.obligation)).not.toContain('2026/reward/a');
    expect(findOverdue(obligations, [], '2027-01-31').map((o) => o.obligation)).toContain('2026/reward/a');
  });

  it('notifies finance, the bureau and the payees', () => {
    const overdue = findOverdue(obligations, [], '2027-01-31');
    const notices = overdueNotices(overdue, '2027-01-31');
    expect(notices).toHaveLength(4);
    expect(notices[3]).toEqual({
      kind: 'payment-overdue',
      about: '2026/reward/a',
      recipients: [
        { type: 'finance', id: 'finance' },
        { type: 'bureau', id: 'head' },
        { type: 'officer', id: 'o1' },
        { type: 'officer', id: 'o2' },
      ],
      facts: { asOf: '2027-01-31', due: '2027-01-30', amount: 1000, paid: 0, community: 'a' },
    });
  });
});

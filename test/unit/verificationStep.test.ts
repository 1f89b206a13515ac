// The cycle verification's look at one obligation, walked through a quarter without a clock.
import { describe, expect, it } from 'vitest';
import type { ObligationFacts, PaymentTiming } from '../../src/core/settlement.js';
import { verificationStep, type VerificationLook, type VerificationRecord } from '../../src/core/verificationStep.js';
import { dayMs } from '../../src/core/time.js';

const timing: PaymentTiming = { remindDaysBefore: 7, escalateEveryDays: 7, settleAfterDays: 30, disputeWindowDays: 90 };
const dueOn = '2026-05-20';
const due = Date.parse(`${dueOn}T00:00:00Z`);
const unpaid: ObligationFacts = { status: 'open', owedFen: 150_000, paidFen: 0, confirmedFen: 0, openDisputes: 0 };
const paid: ObligationFacts = { ...unpaid, status: 'paid', paidFen: 150_000 };
const at = (days: number) => due + days * dayMs;

const look = (facts: ObligationFacts, now: number, state: VerificationRecord = { escalations: 0 }, frozen = false) =>
  verificationStep({ facts, frozen, dueOn, timing, state, now } satisfies VerificationLook);

describe('verificationStep', () => {
  it('waits for the reminder day, reminds once, then escalates weekly from the day after the due date', () => {
    const first = look(unpaid, at(-20));
    expect(first).toMatchObject({ action: { kind: 'nothing' }, nextLookAt: at(-7), done: false });
    const reminded = look(unpaid, at(-7), first.state);
    expect(reminded).toMatchObject({ action: { kind: 'remind' }, nextLookAt: at(1) });
    const overdue = look(unpaid, at(1), reminded.state);
    expect(overdue).toMatchObject({ action: { kind: 'escalate', asOf: '2026-05-21' }, state: { escalations: 1 }, nextLookAt: at(8) });
    // A look between two escalations (a signal woke it) does nothing and keeps the next one.
    expect(look(unpaid, at(3), overdue.state)).toMatchObject({ action: { kind: 'nothing' }, nextLookAt: at(8) });
    expect(look(unpaid, at(8), overdue.state)).toMatchObject({ action: { kind: 'escalate', asOf: '2026-05-28' }, state: { escalations: 2 } });
  });

  it('never reminds an obligation first looked at once overdue', () => {
    expect(look(unpaid, at(3))).toMatchObject({ action: { kind: 'escalate', asOf: '2026-05-23' }, nextLookAt: at(8) });
  });

  it('settles on confirmation, or after the silence, and closes after the dispute window', () => {
    expect(look({ ...paid, confirmedFen: 150_000 }, at(-10))).toMatchObject({ action: { kind: 'settle' }, nextLookAt: at(80) });
    const full = look(paid, at(-10));
    expect(full).toMatchObject({ action: { kind: 'nothing' }, state: { fullSince: at(-10) }, nextLookAt: at(20) });
    expect(look(paid, at(20), full.state)).toMatchObject({ action: { kind: 'settle' } });
    const settled = { ...paid, status: 'settled' };
    expect(look(settled, at(50), { ...full.state, settledAt: at(20) })).toMatchObject({ action: { kind: 'nothing' }, nextLookAt: at(110) });
    expect(look(settled, at(110), { ...full.state, settledAt: at(20) })).toMatchObject({ action: { kind: 'close' }, done: true });
  });

  it('forgets the silence on a dispute and holds everything while an appeal is open', () => {
    const full = look(paid, at(-10));
    expect(look({ ...paid, status: 'disputed', openDisputes: 1 }, at(0), full.state)).toMatchObject({
      action: { kind: 'nothing' },
      state: { fullSince: undefined },
      nextLookAt: undefined,
    });
    expect(look(unpaid, at(5), { escalations: 0 }, true)).toMatchObject({ action: { kind: 'frozen' }, nextLookAt: at(6) });
  });

  it('is done once closed or cancelled', () => {
    expect(look({ ...unpaid, status: 'cancelled' }, at(0))).toMatchObject({ action: { kind: 'nothing' }, done: true });
  });
});

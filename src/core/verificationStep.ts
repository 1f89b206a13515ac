// One look at one payment obligation by its cycle's verification: from the records' facts and the
// state kept with the obligation, what to do now, the state after it and when the next look is
// due. Pure, so the batch activity applies it to thousands of obligations per call and a test
// can walk it through a quarter without a clock.
import { isFinal } from './obligationStatus.js';
import { isSettled, overdueFrom, paidInFull, reminderAt, type ObligationFacts, type PaymentTiming } from './settlement.js';
import { dayMs, daysMs } from './time.js';

/** The verification state of one obligation, epoch ms. */
export interface VerificationRecord {
  remindedAt?: number;
  /** Unset until the first look, which sets it to the end of the due day. */
  nextEscalationAt?: number;
  escalations: number;
  /** Since when the records show it paid in full without a dispute. */
  fullSince?: number;
  /** When it entered `settled` (the obligation's own column): the dispute window runs from here. */
  settledAt?: number;
}

export type VerificationAction =
  | { kind: 'nothing' }
  /** An open appeal may change the amount: nothing is settled, reminded or escalated until it is decided. */
  | { kind: 'frozen' }
  | { kind: 'remind' }
  | { kind: 'escalate'; asOf: string }
  | { kind: 'settle' }
  | { kind: 'close' };

export interface VerificationLook {
  facts: ObligationFacts;
  /** Whether an open appeal of the cycle holds its payments. */
  frozen: boolean;
  dueOn: string;
  timing: PaymentTiming;
  state: VerificationRecord;
  now: number;
}

export interface VerificationStep {
  action: VerificationAction;
  /** The state once the action is done. */
  state: VerificationRecord;
  /** When it next needs a look; undefined when only a signal can change anything (or it is over). */
  nextLookAt?: number;
  /** Closed or cancelled: nothing more will happen to it. */
  done: boolean;
}

/** A frozen obligation is looked at daily, in case the appeal's signal was lost. */
const frozenLookEveryMs = dayMs;

export function verificationStep({ facts, frozen, dueOn, timing, state, now }: VerificationLook): VerificationStep {
  let nextEscalationAt = state.nextEscalationAt ?? overdueFrom(dueOn);
  const st: VerificationRecord = { ...state, nextEscalationAt };
  if (isFinal(facts.status)) return { action: { kind: 'nothing' }, state: st, done: true };
  if (frozen) return { action: { kind: 'frozen' }, state: { ...st, fullSince: undefined }, nextLookAt: now + frozenLookEveryMs, done: false };

  const full = paidInFull(facts) && facts.openDisputes === 0;
  st.fullSince = full ? (st.fullSince ?? now) : undefined;
  if (isSettled(facts, timing, st.fullSince, now)) {
    if (facts.status !== 'settled')
      return { action: { kind: 'settle' }, state: { ...st, settledAt: now }, nextLookAt: now + daysMs(timing.disputeWindowDays), done: false };
    const closesAt = (st.settledAt ?? now) + daysMs(timing.disputeWindowDays);
    if (now >= closesAt) return { action: { kind: 'close' }, state: st, done: true };
    return { action: { kind: 'nothing' }, state: st, nextLookAt: closesAt, done: false };
  }

  const unpaid = !paidInFull(facts);
  const remindAt = reminderAt(dueOn, timing);
  let action: VerificationAction = { kind: 'nothing' };
  if (unpaid && st.remindedAt === undefined && now >= remindAt && now < overdueFrom(dueOn)) {
    action = { kind: 'remind' };
    st.remindedAt = now;
  } else if (unpaid && now >= nextEscalationAt) {
    action = { kind: 'escalate', asOf: new Date(now).toISOString().slice(0, 10) };
    st.escalations += 1;
    while (nextEscalationAt <= now) nextEscalationAt += daysMs(timing.escalateEveryDays);
    st.nextEscalationAt = nextEscalationAt;
  }
  const next = Math.min(
    unpaid && st.remindedAt === undefined && remindAt > now ? remindAt : Infinity,
    unpaid ? nextEscalationAt : Infinity,
    st.fullSince !== undefined ? st.fullSince + daysMs(timing.settleAfterDays) : Infinity,
  );
  return { action, state: st, nextLookAt: next === Infinity ? undefined : next, done: false };
}

// When a register record falls due, by the rule set's `register` intervals: shared by the
// reminders, the backlog and the views that show a due date, so each calls a record overdue on
// the same day.
import { addDays } from './calendar.js';

/** A key person is due for a talk this long after their last talk, or their listing when none. */
export function talkDueOn(listedOn: string, lastTalkOn: string | null, talkIntervalDays: number): string {
  return addDays(lastTalkOn ?? listedOn, talkIntervalDays);
}

/** A rented home is due for inspection this long after its last inspection, or the day it was let when none. */
export function inspectionDueOn(fromDate: string, lastInspectedOn: string | null, rentalInspectionIntervalDays: number): string {
  return addDays(lastInspectedOn ?? fromDate, rentalInspectionIntervalDays);
}

/** A permit valid until `expiresOn` (inclusive): expired after it, expiring from `permitWarningDays` before it. */
export function permitState(expiresOn: string, today: string, permitWarningDays: number): 'expired' | 'expiring' | 'valid' {
  if (expiresOn < today) return 'expired';
  return expiresOn <= addDays(today, permitWarningDays) ? 'expiring' : 'valid';
}

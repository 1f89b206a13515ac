// The two rates a rule set may derive from the population register instead of taking them as
// submitted, computed so a clerk can redo them by hand from the counts the breakdown shows.
//
//   on the date    a residence holds when fromDate ≤ date < untilDate (untilDate: the first day it
//                  no longer holds); a listing when listedOn ≤ date < delistedOn; a help-group
//                  member when fromDate ≤ date < untilDate
//   registration   present    = 人在户在 + 人在户不在 + 暂住 holding on the date (户在人不在 live away)
//                  registered = 人在户在 + 暂住 with a registration (暂住登记) on or before the date
//                               whose permit has not expired on it (expiresOn ≥ date, or none given);
//                               人在户不在 are registered elsewhere, so never here
//                  value      = registered ÷ present, 4 decimals; nobody present: no figure
//   key persons    controlled = listed on the date, with all three help-group roles (officer,
//                               security cadre, parent) held on it, and not overdue for a talk: the
//                               last talk on or before the date (or, before any, the day listed)
//                               is no older than the rule set's talkIntervalDays — the same due day
//                               the officer's list and reminders show
//                  value      = controlled ÷ listed, 4 decimals; nobody listed: 1 (nothing uncontrolled)
//
// Worked example, 2026-12-31, talkIntervalDays 30:
//   card 0101: 张伟 人在户在, 李娜 人在户在, 王强 户在人不在
//   card 0102: 赵敏 暂住, registered 2026-03-01, permit until 2027-02-28      → registered
//              孙丽 暂住, registered 2025-11-01, permit until 2026-10-31      → expired: costs a point
//   card 0103: 周杰 人在户不在                                                 → costs a point
//   present = 2 + 1 + 2 = 5, registered = 2 + 1 = 3, value = 3 ÷ 5 = 0.6000 (60.00 points)
//   key persons: 王强 listed, group complete, last talk 2026-12-10 (21 days)   → controlled
//                周杰 listed, no parent in the group, talk 2026-12-20          → help-group-incomplete
//                李娜 listed, group complete, last talk 2026-11-20 (41 days)   → talk-overdue
//   value = 1 ÷ 3 = 0.3333 (33.33 points)
import { talkDueOn } from './registerDue.js';
import { roundHalfUp } from './numbers.js';
import type { ScoringConfig } from './scoring.js';
import { metricKeys, type DerivedCounts, type MetricKey } from './types.js';
import { helpGroupRoles, presentClasses, type HelpGroupRole, type RegisterDerivation, type ResidenceClass } from './register.js';

/** The classes whose residents count the same whoever they are: all but 暂住, registered only with a valid permit. */
export const countedClasses = ['present-registered', 'registered-away', 'present-unregistered'] as const satisfies readonly ResidenceClass[];
export type CountedClass = (typeof countedClasses)[number];

/** A community's register as the derivation reads it: plain data, from the database or a scenario. */
export interface RegisterSnapshot {
  residences: {
    personId: string;
    name: string;
    cardId: string;
    cardNumber: string;
    class: ResidenceClass;
    fromDate: string;
    untilDate?: string | null | undefined;
  }[];
  /**
   * Residences holding on the date, counted by class instead of listed: how the cycle reads the
   * classes whose counting needs nothing of the person (see `countedClasses`), so a county's
   * register is not read person by person. Nobody counted here is named in a shortfall.
   */
  residenceCounts?: Partial<Record<CountedClass, number>>;
  permits: { personId: string; registeredOn: string; expiresOn?: string | null | undefined }[];
  keyPersons: {
    listingId: string;
    personId: string;
    name: string;
    listedOn: string;
    delistedOn?: string | null | undefined;
    helpGroup: { role: HelpGroupRole; fromDate: string; untilDate?: string | null | undefined }[];
    /** The days talks were held. */
    talks: string[];
  }[];
}

export interface RegistrationShortfall {
  cardId: string;
  cardNumber: string;
  personId: string;
  name: string;
  class: ResidenceClass;
}

export interface KeyPersonShortfall {
  listingId: string;
  personId: string;
  name: string;
  why: 'help-group-incomplete' | 'talk-overdue';
}

export interface Derivation<Shortfall> extends DerivedCounts {
  /** The rate, 4 decimals; null when there is nobody to count (no figure, a gap in the cycle). */
  value: number | null;
  /** Who cost points, and why. */
  shortfall: Shortfall[];
}

const holds = (from: string, until: string | null | undefined, date: string) => from <= date && (until == null || date < until);

const rate = (numerator: number, denominator: number) => roundHalfUp(numerator / denominator, 4);

/** 实有人口登记率: registered and present ÷ actually present on `date`. */
export function deriveRegistration(snapshot: RegisterSnapshot, date: string): Derivation<RegistrationShortfall> {
  const permitted = new Set(snapshot.permits.filter((p) => p.registeredOn <= date && (p.expiresOn == null || date <= p.expiresOn)).map((p) => p.personId));
  const counts = {
    present: 0,
    registered: 0,
    presentRegistered: 0,
    temporaryRegistered: 0,
    presentUnregistered: 0,
    temporaryUnregistered: 0,
    registeredAway: 0,
  };
  // `n` residences of `cls` holding on the date, registered here or not.
  const count = (cls: ResidenceClass, registered: boolean, n: number) => {
    if (cls === 'registered-away') {
      counts.registeredAway += n;
      return;
    }
    if (!presentClasses.includes(cls)) return;
    counts.present += n;
    if (registered) counts.registered += n;
    if (cls === 'present-registered') counts.presentRegistered += n;
    else if (cls === 'present-unregistered') counts.presentUnregistered += n;
    else if (registered) counts.temporaryRegistered += n;
    else counts.temporaryUnregistered += n;
  };
  const registeredHere = (cls: ResidenceClass, permitValid: boolean) => cls === 'present-registered' || (cls === 'temporary' && permitValid);
  const shortfall: RegistrationShortfall[] = [];
  for (const r of snapshot.residences) {
    if (!holds(r.fromDate, r.untilDate, date)) continue;
    const registered = registeredHere(r.class, permitted.has(r.personId));
    count(r.class, registered, 1);
    if (!registered && presentClasses.includes(r.class))
      shortfall.push({ cardId: r.cardId, cardNumber: r.cardNumber, personId: r.personId, name: r.name, class: r.class });
  }
  // The counted classes need no permit (none is 暂住).
  for (const cls of countedClasses) count(cls, registeredHere(cls, false), snapshot.residenceCounts?.[cls] ?? 0);
  const value = counts.present === 0 ? null : rate(counts.registered, counts.present);
  return { value, numerator: counts.registered, denominator: counts.present, counts, shortfall };
}

/** 重点人口管控率: listed key persons with a complete help group and a recent talk ÷ listed, on `date`. */
export function deriveKeyPersonControl(snapshot: RegisterSnapshot, date: string, talkIntervalDays: number): Derivation<KeyPersonShortfall> {
  const counts = { listed: 0, controlled: 0, helpGroupIncomplete: 0, talkOverdue: 0 };
  const shortfall: KeyPersonShortfall[] = [];
  for (const k of snapshot.keyPersons) {
    if (!holds(k.listedOn, k.delistedOn, date)) continue;
    counts.listed++;
    const complete = helpGroupRoles.every((role) => k.helpGroup.some((m) => m.role === role && holds(m.fromDate, m.untilDate, date)));
    const lastTalk = k.talks.filter((t) => t <= date).reduce<string | null>((last, t) => (last === null || t > last ? t : last), null);
    const talked = date <= talkDueOn(k.listedOn, lastTalk, talkIntervalDays);
    const who = { listingId: k.listingId, personId: k.personId, name: k.name };
    if (!complete) {
      counts.helpGroupIncomplete++;
      shortfall.push({ ...who, why: 'help-group-incomplete' });
    }
    if (!talked) {
      counts.talkOverdue++;
      shortfall.push({ ...who, why: 'talk-overdue' });
    }
    if (complete && talked) counts.controlled++;
  }
  const value = counts.listed === 0 ? 1 : rate(counts.controlled, counts.listed);
  return { value, numerator: counts.controlled, denominator: counts.listed, counts, shortfall };
}

/** Both rates of a snapshot on a date, by the derivation a rule set names. */
export function deriveRate(derivation: RegisterDerivation, snapshot: RegisterSnapshot, date: string, talkIntervalDays: number) {
  return derivation === 'registration' ? deriveRegistration(snapshot, date) : deriveKeyPersonControl(snapshot, date, talkIntervalDays);
}

/** The part of a derivation the breakdown keeps. */
export const derivedCounts = ({ numerator, denominator, counts }: DerivedCounts): DerivedCounts => ({ numerator, denominator, counts });

/** The metrics a rule set's scoring derives from the register, with how. */
export function derivedMetrics(scoring: ScoringConfig): { metric: MetricKey; derivation: RegisterDerivation }[] {
  return metricKeys.flatMap((metric) => {
    const derivation = scoring.metrics[metric]?.derivation;
    return derivation ? [{ metric, derivation }] : [];
  });
}

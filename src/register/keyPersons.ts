// Key persons (重点人口) as the register shows them: each listing with its person (ID masked), its
// three-person help group on a day, and when the next talk is due. The help group and the talk
// dates shown here are display facts for the officer; whether a listing counts as controlled in a
// period is the derived rate's to say (src/core/registerRates.ts), from the same rows.
import { talkDueOn } from '../core/registerDue.js';
import { addDays } from '../core/calendar.js';
import { helpGroupRoles, type HelpGroupRole } from '../core/register.js';
import type { Tx } from '../db/audit.js';
import { ruleSetInForce } from '../db/ruleSets.js';
import { personViews } from './records.js';

/** A dated row that holds from its first day until the first day it no longer does (null: still). */
export interface Span {
  fromDate: string;
  untilDate: string | null;
}

export const holdsOn = (span: Span, date: string): boolean => span.fromDate <= date && (span.untilDate === null || date < span.untilDate);

export interface MemberRow extends Span {
  role: string;
  name: string;
  officerId: string | null;
  phone: string | null;
}

export type HelpGroup = Record<HelpGroupRole, { name: string; officerId: string | null; phone: string | null; fromDate: string } | null>;

/** Who held each role of the help group on a day. */
export function helpGroupOn(members: readonly MemberRow[], date: string): HelpGroup {
  const held = (role: HelpGroupRole) => members.find((m) => m.role === role && holdsOn(m, date));
  return Object.fromEntries(
    helpGroupRoles.map((role) => {
      const m = held(role);
      return [role, m ? { name: m.name, officerId: m.officerId, phone: m.phone, fromDate: m.fromDate } : null];
    }),
  ) as HelpGroup;
}

export const helpGroupComplete = (group: HelpGroup): boolean => helpGroupRoles.every((role) => group[role] !== null);

export type ListingStatus = 'listed' | 'delisted' | 'all';

/** A key-person listing as stored. */
export interface Listing {
  id: string;
  countyId: string;
  communityId: string;
  personId: string;
  category: string;
  listedOn: string;
  delistedOn: string | null;
  delistReason: string | null;
}

/** Persons as the register shows them by default (the ID masked, with the residence they hold now), by id. */
async function personShownById(db: Tx, personIds: readonly string[]) {
  const persons = await db.registerPerson.findMany({ where: { id: { in: [...new Set(personIds)] } } });
  const views = await personViews(db, persons);
  return new Map(views.map((v) => [v.id, v]));
}

/**
 * Listings as the list shows them on `today`: a listed person's help group today; a delisted
 * one's as it stood on the last day listed, with no talk due.
 */
export async function keyPersonViews(db: Tx, countyId: string, listings: readonly Listing[], today: string) {
  const ids = listings.map((l) => l.id);
  const [{ ruleSet }, members, lastTalks, persons] = await Promise.all([
    ruleSetInForce(db, countyId, today),
    db.helpGroupMember.findMany({ where: { listingId: { in: ids } } }),
    db.keyPersonTalk.groupBy({ by: ['listingId'], where: { listingId: { in: ids } }, _max: { talkedOn: true } }),
    personShownById(
      db,
      listings.map((l) => l.personId),
    ),
  ]);
  const lastTalkOf = new Map(lastTalks.map((t) => [t.listingId, t._max.talkedOn]));
  const membersOf = new Map<string, MemberRow[]>();
  for (const m of members) membersOf.set(m.listingId, [...(membersOf.get(m.listingId) ?? []), m]);
  return listings.map((l) => {
    const group = helpGroupOn(membersOf.get(l.id) ?? [], l.delistedOn === null ? today : addDays(l.delistedOn, -1));
    const lastTalkOn = lastTalkOf.get(l.id) ?? null;
    return {
      id: l.id,
      communityId: l.communityId,
      person: persons.get(l.personId)!,
      category: l.category,
      listedOn: l.listedOn,
      delistedOn: l.delistedOn,
      delistReason: l.delistReason,
      helpGroup: group,
      complete: l.delistedOn === null && helpGroupComplete(group),
      lastTalkOn,
      talkDueOn: l.delistedOn === null ? talkDueOn(l.listedOn, lastTalkOn, ruleSet.register.talkIntervalDays) : null,
    };
  });
}

const statusWhere = { listed: { delistedOn: null }, delisted: { delistedOn: { not: null } }, all: {} } as const;

/** A community's key persons, listed first by the day they were listed. */
export async function listKeyPersons(db: Tx, countyId: string, communityId: string, status: ListingStatus, today: string) {
  const listings = await db.keyPersonListing.findMany({
    where: { countyId, communityId, ...statusWhere[status] },
    orderBy: [{ listedOn: 'asc' }, { id: 'asc' }],
  });
  return keyPersonViews(db, countyId, listings, today);
}

/** One listing with its help group's whole history and every talk. */
export async function keyPersonRecord(db: Tx, listing: Listing, today: string) {
  const [[view], history, talks] = await Promise.all([
    keyPersonViews(db, listing.countyId, [listing], today),
    db.helpGroupMember.findMany({ where: { listingId: listing.id }, orderBy: [{ role: 'asc' }, { fromDate: 'asc' }] }),
    db.keyPersonTalk.findMany({ where: { listingId: listing.id }, orderBy: [{ talkedOn: 'asc' }, { byRole: 'asc' }] }),
  ]);
  return {
    ...view!,
    helpGroupHistory: history.map(({ role, name, officerId, phone, fromDate, untilDate, recordedBy }) => ({
      role,
      name,
      officerId,
      phone,
      fromDate,
      untilDate,
      recordedBy,
    })),
    talks: talks.map(({ talkedOn, byRole, summary, recordedBy }) => ({ talkedOn, byRole, summary, recordedBy })),
  };
}

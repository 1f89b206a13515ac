// What a community's register owes on a day, read straight from the register's tables: key persons
// whose help group is incomplete or whose talk is overdue, temporary residents whose permit expires
// soon or has expired, rented homes due for inspection. The reminders send each officer their
// communities' items; the bureau's backlog shows only their counts. Read for a page of communities
// at a time, so neither a county's sweep nor its backlog holds the whole register at once.
import { helpGroupRoles, type HelpGroupRole } from '../core/register.js';
import { inspectionDueOn, permitState, talkDueOn } from '../core/registerDue.js';
import type { Db } from '../db/client.js';
import type { RuleSet } from '../rules/ruleSet.js';

export type RegisterIntervals = RuleSet['register'];

export type BacklogItem =
  | { kind: 'help-group-incomplete'; communityId: string; listingId: string; personId: string; missing: HelpGroupRole[] }
  | { kind: 'talk-overdue'; communityId: string; listingId: string; personId: string; lastTalkOn: string | null; dueOn: string }
  | { kind: 'permit-expiring' | 'permit-expired'; communityId: string; personId: string; expiresOn: string }
  | { kind: 'inspection-due'; communityId: string; rentedHomeId: string; doorId: string; landlord: string; lastInspectedOn: string | null; dueOn: string };

export type BacklogKind = BacklogItem['kind'];

export interface BacklogCounts {
  helpGroupsIncomplete: number;
  talksOverdue: number;
  permitsExpiring: number;
  permitsExpired: number;
  inspectionsDue: number;
}

const countOf: Record<BacklogKind, keyof BacklogCounts> = {
  'help-group-incomplete': 'helpGroupsIncomplete',
  'talk-overdue': 'talksOverdue',
  'permit-expiring': 'permitsExpiring',
  'permit-expired': 'permitsExpired',
  'inspection-due': 'inspectionsDue',
};

/** Communities per read: bounds the `in` lists of one page's queries. */
export const backlogPageSize = 50;

/**
 * Runs a query over ids a slice at a time: Prisma binds at most 999 parameters a statement on
 * SQLite and cannot split an `in` list itself under a groupBy or an orderBy.
 */
async function byIds<T>(ids: string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const slice of pagesOf(ids, 900)) rows.push(...(await query(slice)));
  return rows;
}

// In force on a day: begun on or before it, not yet ended (the end day itself no longer holds).
const inForceOn = (date: string) => ({ fromDate: { lte: date }, OR: [{ untilDate: null }, { untilDate: { gt: date } }] });
const listedOn = (date: string) => ({ listedOn: { lte: date }, OR: [{ delistedOn: null }, { delistedOn: { gt: date } }] });

/** The backlog items of these communities (one county's) on `today`, in community order. */
export async function backlogItems(db: Db, communityIds: string[], today: string, intervals: RegisterIntervals): Promise<BacklogItem[]> {
  const [keyPersons, permits, rentals] = await Promise.all([
    keyPersonItems(db, communityIds, today, intervals),
    permitItems(db, communityIds, today, intervals),
    rentalItems(db, communityIds, today, intervals),
  ]);
  return [...keyPersons, ...permits, ...rentals].sort((a, b) => a.communityId.localeCompare(b.communityId));
}

async function keyPersonItems(db: Db, communityIds: string[], today: string, { talkIntervalDays }: RegisterIntervals): Promise<BacklogItem[]> {
  const listings = await db.keyPersonListing.findMany({
    where: { communityId: { in: communityIds }, ...listedOn(today) },
    select: { id: true, communityId: true, personId: true, listedOn: true },
    orderBy: { id: 'asc' },
  });
  const listingIds = listings.map((l) => l.id);
  const [members, talks] = await Promise.all([
    byIds(listingIds, (ids) =>
      db.helpGroupMember.findMany({ where: { listingId: { in: ids }, ...inForceOn(today) }, select: { listingId: true, role: true } }),
    ),
    byIds(listingIds, (ids) =>
      db.keyPersonTalk.groupBy({ by: ['listingId'], where: { listingId: { in: ids }, talkedOn: { lte: today } }, _max: { talkedOn: true } }),
    ),
  ]);
  const lastTalk = new Map(talks.map((t) => [t.listingId, t._max.talkedOn]));
  const items: BacklogItem[] = [];
  for (const l of listings) {
    const present = new Set(members.filter((m) => m.listingId === l.id).map((m) => m.role));
    const missing = helpGroupRoles.filter((r) => !present.has(r));
    const listing = { communityId: l.communityId, listingId: l.id, personId: l.personId };
    if (missing.length > 0) items.push({ kind: 'help-group-incomplete', ...listing, missing });
    const lastTalkOn = lastTalk.get(l.id) ?? null;
    const dueOn = talkDueOn(l.listedOn, lastTalkOn, talkIntervalDays);
    if (today > dueOn) items.push({ kind: 'talk-overdue', ...listing, lastTalkOn, dueOn });
  }
  return items;
}

/** Temporary residents living here today whose latest permit expires within the warning, or has. */
async function permitItems(db: Db, communityIds: string[], today: string, { permitWarningDays }: RegisterIntervals): Promise<BacklogItem[]> {
  const residents = await db.personResidence.findMany({
    where: { communityId: { in: communityIds }, class: 'temporary', ...inForceOn(today) },
    select: { personId: true, communityId: true },
  });
  const permits = await byIds(
    residents.map((r) => r.personId),
    (ids) =>
      db.temporaryPermit.findMany({
        where: { personId: { in: ids }, registeredOn: { lte: today } },
        select: { personId: true, registeredOn: true, expiresOn: true },
      }),
  );
  // The latest registration stands: a renewal replaces the permit it renews.
  permits.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
  const latest = new Map(permits.map((p) => [p.personId, p.expiresOn]));
  const items: BacklogItem[] = [];
  for (const r of residents) {
    const expiresOn = latest.get(r.personId);
    if (!expiresOn) continue;
    const state = permitState(expiresOn, today, permitWarningDays);
    if (state !== 'valid')
      items.push({ kind: state === 'expired' ? 'permit-expired' : 'permit-expiring', communityId: r.communityId, personId: r.personId, expiresOn });
  }
  return items;
}

async function rentalItems(db: Db, communityIds: string[], today: string, { rentalInspectionIntervalDays }: RegisterIntervals): Promise<BacklogItem[]> {
  const homes = await db.rentedHome.findMany({
    where: { communityId: { in: communityIds }, ...inForceOn(today) },
    select: { id: true, communityId: true, doorId: true, landlord: true, fromDate: true },
    orderBy: { id: 'asc' },
  });
  const inspections = await db.rentalInspection.groupBy({
    by: ['rentedHomeId'],
    where: { communityId: { in: communityIds }, inspectedOn: { lte: today } },
    _max: { inspectedOn: true },
  });
  const last = new Map(inspections.map((i) => [i.rentedHomeId, i._max.inspectedOn]));
  return homes.flatMap((h): BacklogItem[] => {
    const lastInspectedOn = last.get(h.id) ?? null;
    const dueOn = inspectionDueOn(h.fromDate, lastInspectedOn, rentalInspectionIntervalDays);
    return today > dueOn
      ? [{ kind: 'inspection-due', communityId: h.communityId, rentedHomeId: h.id, doorId: h.doorId, landlord: h.landlord, lastInspectedOn, dueOn }]
      : [];
  });
}

/** Each community's counts, zero where nothing is owed. */
export function backlogCounts(communityIds: string[], items: BacklogItem[]): Map<string, BacklogCounts> {
  const counts = new Map(
    communityIds.map((id) => [id, { helpGroupsIncomplete: 0, talksOverdue: 0, permitsExpiring: 0, permitsExpired: 0, inspectionsDue: 0 }]),
  );
  for (const item of items) {
    const c = counts.get(item.communityId);
    if (c) c[countOf[item.kind]] += 1;
  }
  return counts;
}

/** Splits a list into pages of `size`. */
export function pagesOf<T>(ids: T[], size = backlogPageSize): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < ids.length; i += size) pages.push(ids.slice(i, i + size));
  return pages;
}

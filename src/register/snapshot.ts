// A page of communities' registers as they stood on a day, read with one query per table for the
// whole page (never per person), in the shape src/core/registerRates.ts derives the rates from.
import { addDays } from '../core/calendar.js';
import { countedClasses, type CountedClass, type RegisterSnapshot } from '../core/registerRates.js';
import type { HelpGroupRole, ResidenceClass } from '../core/register.js';
import type { Db } from '../db/client.js';
import { Prisma } from '../generated/sqlite/index.js';

/** Ids per query: SQLite binds at most 999 parameters in one statement. */
const chunkSize = 500;

/** The rows of `read` for every id, read `chunkSize` ids at a time. */
async function inChunks<T>(ids: string[], read: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += chunkSize) rows.push(...(await read(ids.slice(i, i + chunkSize))));
  return rows;
}

/** Rows holding on `date`: from on or before it, until after it (or still). */
const holdingOn = (date: string, from: 'fromDate' | 'listedOn', until: 'untilDate' | 'delistedOn') => ({
  [from]: { lte: date },
  OR: [{ [until]: null }, { [until]: { gt: date } }],
});

// The two sets of rows a county's counts read by the ten thousand, in plain SQL (the same on both
// providers): Prisma's findMany costs about five times the query's own time a row here. Built
// whole and passed as one Sql, as src/db/insertRows.ts explains.

/** A residence as read; without names, no card. */
interface ResidenceRow {
  personId: string;
  communityId: string;
  cardId?: string;
  class: string;
  fromDate: string;
  untilDate: string | null;
}

/** The 暂住 residences holding on `date`, from the residences' index alone. */
const temporaryResidences = (db: Db, communityIds: readonly string[], date: string) =>
  db.$queryRaw<ResidenceRow[]>(
    Prisma.sql`SELECT "personId", "communityId", "class", "fromDate", "untilDate" FROM "PersonResidence"
      WHERE "communityId" IN (${Prisma.join([...communityIds])}) AND "class" = 'temporary'
        AND "fromDate" <= ${date} AND ("untilDate" IS NULL OR "untilDate" > ${date})`,
  );

/** The permits registered by `date` and not expired on it. */
const permitsValid = (db: Db, communityIds: readonly string[], date: string) =>
  db.$queryRaw<{ personId: string; communityId: string; registeredOn: string; expiresOn: string | null }[]>(
    Prisma.sql`SELECT "personId", "communityId", "registeredOn", "expiresOn" FROM "TemporaryPermit"
      WHERE "communityId" IN (${Prisma.join([...communityIds])}) AND "registeredOn" <= ${date} AND ("expiresOn" IS NULL OR "expiresOn" >= ${date})`,
  );

/**
 * The registers of `communityIds` on `date`, by community (every one present, empty when it keeps
 * none), with what the derivation counts: residences, permits valid and talks held within
 * `talkIntervalDays` on that day. `names`: every residence one by one with the person's name and
 * the card's number, which only the shortfall lists need; the cycle's counts take the classes
 * but 暂住 as counts (`residenceCounts`) and leave names out.
 */
export async function registerSnapshots(
  db: Db,
  countyId: string,
  communityIds: readonly string[],
  date: string,
  talkIntervalDays: number,
  names = false,
): Promise<Map<string, RegisterSnapshot>> {
  const talksSince = addDays(date, -talkIntervalDays);
  const inPage = { countyId, communityId: { in: [...communityIds] } };
  // A community's id names its county, and leaving the county out lets the residences' index
  // (communityId, class, fromDate, untilDate, personId) answer the counts without the rows.
  const residencesHolding = { communityId: { in: [...communityIds] }, ...holdingOn(date, 'fromDate', 'untilDate') };
  const [residences, residenceCounts, permits, listings] = await Promise.all([
    // Without names, only 暂住 are read one by one: whether they count as registered is their permit's.
    names
      ? db.personResidence.findMany({
          where: residencesHolding,
          select: { personId: true, communityId: true, cardId: true, class: true, fromDate: true, untilDate: true },
          // The shortfall list in the order the records were kept, whichever index the database picks.
          orderBy: { id: 'asc' },
        })
      : temporaryResidences(db, communityIds, date),
    names
      ? []
      : db.personResidence.groupBy({
          by: ['communityId', 'class'],
          where: { ...residencesHolding, class: { in: [...countedClasses] } },
          _count: { _all: true },
        }),
    permitsValid(db, communityIds, date),
    db.keyPersonListing.findMany({
      where: { ...inPage, ...holdingOn(date, 'listedOn', 'delistedOn') },
      select: { id: true, personId: true, communityId: true, listedOn: true, delistedOn: true },
    }),
  ]);
  const listingIds = listings.map((l) => l.id);
  const [members, talks, persons, cards] = await Promise.all([
    inChunks(listingIds, (ids) =>
      db.helpGroupMember.findMany({
        where: { listingId: { in: ids }, ...holdingOn(date, 'fromDate', 'untilDate') },
        select: { listingId: true, role: true, fromDate: true, untilDate: true },
      }),
    ),
    inChunks(listingIds, (ids) =>
      db.keyPersonTalk.findMany({ where: { listingId: { in: ids }, talkedOn: { gte: talksSince, lte: date } }, select: { listingId: true, talkedOn: true } }),
    ),
    names
      ? inChunks([...new Set([...residences, ...listings].map((r) => r.personId))], (ids) =>
          db.registerPerson.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
        )
      : [],
    names ? db.householdCard.findMany({ where: inPage, select: { id: true, number: true } }) : [],
  ]);
  const nameOf = new Map(persons.map((p) => [p.id, p.name]));
  const cardNumberOf = new Map(cards.map((c) => [c.id, c.number]));
  const snapshots = new Map<string, RegisterSnapshot>(communityIds.map((id) => [id, { residences: [], permits: [], keyPersons: [] }]));
  const of = (communityId: string) => snapshots.get(communityId)!;
  for (const r of residences as ResidenceRow[])
    of(r.communityId).residences.push({
      personId: r.personId,
      name: nameOf.get(r.personId) ?? '',
      cardId: r.cardId ?? '',
      cardNumber: cardNumberOf.get(r.cardId ?? '') ?? '',
      class: r.class as ResidenceClass,
      fromDate: r.fromDate,
      untilDate: r.untilDate,
    });
  for (const c of residenceCounts) (of(c.communityId).residenceCounts ??= {})[c.class as CountedClass] = c._count._all;
  for (const p of permits) of(p.communityId).permits.push({ personId: p.personId, registeredOn: p.registeredOn, expiresOn: p.expiresOn });
  const byListing = new Map(
    listings.map((l) => {
      const keyPerson = {
        listingId: l.id,
        personId: l.personId,
        name: nameOf.get(l.personId) ?? '',
        listedOn: l.listedOn,
        delistedOn: l.delistedOn,
        helpGroup: [] as RegisterSnapshot['keyPersons'][number]['helpGroup'],
        talks: [] as string[],
      };
      of(l.communityId).keyPersons.push(keyPerson);
      return [l.id, keyPerson];
    }),
  );
  for (const m of members) byListing.get(m.listingId)!.helpGroup.push({ role: m.role as HelpGroupRole, fromDate: m.fromDate, untilDate: m.untilDate });
  for (const t of talks) byListing.get(t.listingId)!.talks.push(t.talkedOn);
  return snapshots;
}

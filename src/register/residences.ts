// The register's writes that the API and the bulk import share: filing a card at a building and
// door (each made when new), finding or creating a person by their ID number, and placing a person
// on a card in a class from a day. A residence is closed and another opened, never overwritten, so
// the register can be read as it stood on any day. Each is a few statements over the caller's
// transaction; a refusal is a RegisterRefusal naming the field, which the API answers as a 422
// (JSON pointer) and the import as a row error (its column).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/audit.js';
import { insertRows, lockRows, selectRows, updateRows } from '../db/bulkRows.js';
import type { ResidenceClass, ResidenceEndReason } from '../core/register.js';
import { normalIdNumber } from '../core/idNumber.js';
import { idNumberTail, type PersonalDataCipher } from './personalData.js';

/** A write the register refuses, naming the field at fault (`cardId`, `class`, `date`, `fromDate`, …) and, in a batch, the item. */
export class RegisterRefusal extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly index = 0,
  ) {
    super(message);
  }
}

/** The community a register row is filed in. */
export interface Place {
  countyId: string;
  communityId: string;
}

// A batch's lookups, updates and inserts are plain statements binding its keys or rows as one JSON
// parameter (bulkRows): the import files a county's 100,000 persons through these writers, and
// Prisma's own queries cost ten times as much on such lists.
/**
 * The most items a batch writer takes: the import's batch of 900 rows in one slice (each slice is
 * a dozen statements, whatever its size).
 */
export const registerBatchSize = 1000;
function checkBatch(items: unknown[]): void {
  if (items.length > registerBatchSize) throw new Error(`a register batch holds at most ${registerBatchSize} items, not ${items.length}`);
}

export type Building = { id: string; countyId: string; communityId: string; number: string; address: string };
export type Door = { id: string; communityId: string; buildingId: string; number: string };
export type Card = { id: string; countyId: string; communityId: string; number: string; doorId: string };
export type Person = { id: string; countyId: string; name: string; idNumberHash: string; idNumberCipher: string; idNumberTail: string; phone: string | null };
export type Residence = {
  id: number;
  createdAt: Date;
  personId: string;
  countyId: string;
  communityId: string;
  cardId: string;
  class: string;
  fromDate: string;
  untilDate: string | null;
  endReason: string | null;
  recordedBy: string;
};
const buildingColumns = ['id', 'countyId', 'communityId', 'number', 'address'] as const;
const doorColumns = ['id', 'communityId', 'buildingId', 'number'] as const;
const cardColumns = ['id', 'countyId', 'communityId', 'number', 'doorId'] as const;
const personColumns = ['id', 'countyId', 'name', 'idNumberHash', 'idNumberCipher', 'idNumberTail', 'phone'] as const;
const residenceColumns = [
  'id',
  'personId',
  'countyId',
  'communityId',
  'cardId',
  'class',
  'fromDate',
  'untilDate',
  'endReason',
  'recordedBy',
  'createdAt',
] as const;

// Batches read what exists in one statement and create the rest in another: the import files a
// thousand rows in a handful of statements; the API's single writes are batches of one. A caller
// that has read a batch's rows already in the same transaction (the import, which checks every
// row against them first) hands them to the writers, which then do not read them again.

/** The community's buildings of these numbers, by number. */
export async function heldBuildings(tx: Tx, communityId: string, numbers: string[]): Promise<Map<string, Building>> {
  const found = await selectRows<Building>(tx, 'RegisterBuilding', buildingColumns, { communityId }, 'number', numbers);
  return new Map(found.map((b) => [b.number, b]));
}

/** Two strings as one map key. */
export const pairKey = (a: string, b: string) => JSON.stringify([a, b]);

/** The doors of these building ids and door numbers, by pairKey(building id, door number). */
export async function heldDoors(tx: Tx, doors: [buildingId: string, number: string][]): Promise<Map<string, Door>> {
  const found = await selectRows<Door>(tx, 'RegisterDoor', doorColumns, {}, ['buildingId', 'number'], doors);
  return new Map(found.map((d) => [pairKey(d.buildingId, d.number), d]));
}

/** The community's cards of these numbers, by number. */
export async function heldCards(tx: Tx, communityId: string, numbers: string[]): Promise<Map<string, Card>> {
  const found = await selectRows<Card>(tx, 'HouseholdCard', cardColumns, { communityId }, 'number', numbers);
  return new Map(found.map((c) => [c.number, c]));
}

/** The county's persons of these ID-number hashes, by hash. */
export async function heldPersons(tx: Tx, countyId: string, hashes: string[]): Promise<Map<string, Person>> {
  const found = await selectRows<Person>(tx, 'RegisterPerson', personColumns, { countyId }, 'idNumberHash', hashes);
  return new Map(found.map((p) => [p.idNumberHash, p]));
}

/** Each person's latest residence (the one begun last), by person id; read after lockPersons when about to place them. */
export async function latestResidences(tx: Tx, personIds: string[]): Promise<Map<string, Residence>> {
  const latestOf = new Map<string, Residence>();
  for (const r of await selectRows<Residence>(tx, 'PersonResidence', residenceColumns, {}, 'personId', personIds)) {
    if (r.fromDate > (latestOf.get(r.personId)?.fromDate ?? '')) latestOf.set(r.personId, r);
  }
  return latestOf;
}

/** What a batch's cards are filed among, as read for its numbers in the caller's transaction. */
export interface HeldFiling {
  /** By number, for every building number of the batch. */
  buildings: Map<string, Building>;
  /** By pairKey(building id, door number), for every door of the batch at a building already held. */
  doors: Map<string, Door>;
  /** By number, for every card number of the batch. */
  cards: Map<string, Card>;
}

/** The community's buildings of these numbers, made when new (`address` only for a new one). */
export async function fileBuildings(
  tx: Tx,
  place: Place,
  numbers: { number: string; address?: string }[],
  held?: HeldFiling['buildings'],
): Promise<Map<string, Building>> {
  checkBatch(numbers);
  const byNumber = new Map(
    held ??
      (await heldBuildings(
        tx,
        place.communityId,
        numbers.map((b) => b.number),
      )),
  );
  const missing = new Map<string, Building>();
  for (const b of numbers) {
    if (!byNumber.has(b.number) && !missing.has(b.number)) missing.set(b.number, { id: randomUUID(), ...place, number: b.number, address: b.address ?? '' });
  }
  const now = new Date();
  await insertRows(
    tx,
    'RegisterBuilding',
    [...missing.values()].map((b) => ({ ...b, createdAt: now })),
  );
  for (const b of missing.values()) byNumber.set(b.number, b);
  return byNumber;
}

/** The community's doors of these building and door numbers (each made when new), by pairKey(building number, door number). */
export async function fileDoors(
  tx: Tx,
  place: Place,
  doors: { building: string; door: string }[],
  held?: Omit<HeldFiling, 'cards'>,
): Promise<Map<string, { building: Building; door: Door }>> {
  checkBatch(doors);
  const buildings = await fileBuildings(
    tx,
    place,
    doors.map((d) => ({ number: d.building })),
    held?.buildings,
  );
  const byKey = new Map(
    held?.doors ??
      (await heldDoors(
        tx,
        doors.map((d) => [buildings.get(d.building)!.id, d.door]),
      )),
  );
  const result = new Map<string, { building: Building; door: Door }>();
  const missing: Door[] = [];
  for (const d of doors) {
    const building = buildings.get(d.building)!;
    const key = pairKey(building.id, d.door);
    let door = byKey.get(key);
    if (!door) {
      door = { id: randomUUID(), communityId: place.communityId, buildingId: building.id, number: d.door };
      byKey.set(key, door);
      missing.push(door);
    }
    result.set(pairKey(d.building, d.door), { building, door });
  }
  const now = new Date();
  await insertRows(
    tx,
    'RegisterDoor',
    missing.map((d) => ({ ...d, createdAt: now })),
  );
  return result;
}

export async function findOrCreateBuilding(tx: Tx, place: Place, number: string, address?: string) {
  return (await fileBuildings(tx, place, [{ number, address }])).get(number)!;
}

export async function findOrCreateDoor(tx: Tx, place: Place, building: string, door: string) {
  return (await fileDoors(tx, place, [{ building, door }])).get(pairKey(building, door))!;
}

/**
 * The community's cards of these numbers, each filed at its building and door (made when new), by
 * number; refused (the item's index) when a number is filed at another door, here or in the batch.
 */
export async function fileCards(
  tx: Tx,
  place: Place,
  cards: { number: string; building: string; door: string }[],
  held?: HeldFiling,
): Promise<Map<string, Card>> {
  const doors = await fileDoors(tx, place, cards, held);
  const byNumber = new Map(
    held?.cards ??
      (await heldCards(
        tx,
        place.communityId,
        cards.map((c) => c.number),
      )),
  );
  const missing: Card[] = [];
  cards.forEach((c, index) => {
    const doorId = doors.get(pairKey(c.building, c.door))!.door.id;
    const card = byNumber.get(c.number);
    if (!card) {
      const made = { id: randomUUID(), ...place, number: c.number, doorId };
      byNumber.set(c.number, made);
      missing.push(made);
    } else if (card.doorId !== doorId) {
      throw new RegisterRefusal('number', `card ${c.number} is filed at another door of this community`, index);
    }
  });
  const now = new Date();
  await insertRows(
    tx,
    'HouseholdCard',
    missing.map((c) => ({ ...c, createdAt: now, updatedAt: now })),
  );
  return byNumber;
}

/** The card of that number, filed at that building and door (each made when new); refused when the number is filed at another door. */
export async function findOrCreateCard(tx: Tx, place: Place, card: { number: string; building: string; door: string }) {
  return (await fileCards(tx, place, [card])).get(card.number)!;
}

/** The stored form of an ID number: its keyed hash (when not given), its cipher and its last four characters. */
export function idNumberColumns(cipher: PersonalDataCipher, idNumber: string, idNumberHash?: string) {
  const id = normalIdNumber(idNumber);
  return { idNumberHash: idNumberHash ?? cipher.hash(id), idNumberCipher: cipher.encrypt(id), idNumberTail: idNumberTail(id) };
}

/**
 * The county's persons of these ID numbers, in the order given, created when new; an existing
 * person's name and phone are kept. A caller that has hashed the ID numbers already (the import,
 * which looked the persons up) gives the hashes, a hash costs about 10 µs, and the persons it read
 * for them (`held`, by hash).
 */
export async function filePersons(
  tx: Tx,
  cipher: PersonalDataCipher,
  countyId: string,
  persons: { name: string; idNumber: string; phone?: string | null; idNumberHash?: string }[],
  held?: Map<string, Person>,
) {
  checkBatch(persons);
  const hashes = persons.map((p) => p.idNumberHash ?? cipher.hash(p.idNumber));
  const byHash = new Map(held ?? (await heldPersons(tx, countyId, hashes)));
  const created = new Set<string>();
  const missing: Person[] = [];
  persons.forEach((p, i) => {
    if (byHash.has(hashes[i]!)) return;
    const person = { id: randomUUID(), countyId, name: p.name, phone: p.phone ?? null, ...idNumberColumns(cipher, p.idNumber, hashes[i]) };
    byHash.set(hashes[i]!, person);
    created.add(person.id);
    missing.push(person);
  });
  const now = new Date();
  await insertRows(
    tx,
    'RegisterPerson',
    missing.map((p) => ({ ...p, createdAt: now, updatedAt: now })),
  );
  return hashes.map((h) => ({ person: byHash.get(h)!, created: created.has(byHash.get(h)!.id) }));
}

/** The county's person of that ID number, created when new; an existing person's name and phone are kept. */
export async function findOrCreatePerson(tx: Tx, cipher: PersonalDataCipher, countyId: string, p: { name: string; idNumber: string; phone?: string | null }) {
  return (await filePersons(tx, cipher, countyId, [p]))[0]!;
}

/**
 * Two writes about one person queue rather than both reading "no open residence" (or "not listed")
 * and each opening one: the persons' row locks, held to the end of the caller's transaction and
 * taken before it reads what it changes. Taken in the order of their ids, so that two batches of
 * overlapping persons (two imports, an import and a hand listing) queue rather than deadlock.
 */
export async function lockPersons(tx: Tx, ids: string[]): Promise<void> {
  await lockRows(tx, 'RegisterPerson', 'id', ids);
}

export const openResidence = (tx: Tx, personId: string) => tx.personResidence.findFirst({ where: { personId, untilDate: null } });

export interface Placement {
  personId: string;
  card: { id: string; countyId: string; communityId: string };
  class: ResidenceClass;
  fromDate: string;
  recordedBy: string;
}

/** A person's latest residence, as far as placing them again needs it. */
export interface LatestResidence {
  cardId: string;
  communityId: string;
  class: string;
  fromDate: string;
  untilDate: string | null;
}

export type PlacementOutcome =
  | { kind: 'kept' }
  | { kind: 'opens'; closes: 'moved' | 'reclassified' | null }
  | { kind: 'other-community' }
  | { kind: 'not-after-start' }
  | { kind: 'before-end' };

/**
 * The register's one rule for placing a person on a card in a class from a day, given their latest
 * residence (none for a new person): the same card and class again changes nothing; otherwise a new
 * residence opens and the open one, if any, closes on that day — reclassified on the same card,
 * moved from another. Refused: a card of another community than the open residence's, a day not
 * after the latest residence's start, a day before its end. `cardId` is undefined for a card not yet
 * filed. The API (placePersons) and the import (importBatch) each word the refusal for their caller.
 */
export function placementOutcome(
  latest: LatestResidence | undefined,
  to: { cardId: string | undefined; communityId: string; class: string; fromDate: string },
): PlacementOutcome {
  const open = latest && latest.untilDate === null ? latest : undefined;
  if (open && open.cardId === to.cardId && open.class === to.class) return { kind: 'kept' };
  if (open && open.communityId !== to.communityId) return { kind: 'other-community' };
  if (latest && to.fromDate <= latest.fromDate) return { kind: 'not-after-start' };
  if (latest?.untilDate && to.fromDate < latest.untilDate) return { kind: 'before-end' };
  return { kind: 'opens', closes: open ? (open.cardId === to.cardId ? 'reclassified' : 'moved') : null };
}

/**
 * Places each person on the card in the class from `fromDate`. The same placement again changes
 * nothing (a re-imported row); otherwise their open residence, in the same community, is closed on
 * that day (moved, or reclassified on the same card). Returns, in the order given, the residence
 * opened (or kept) and the one closed. A person twice in one batch is refused at the second.
 * `held`: the persons' latest residences as the caller read them after locking the persons
 * (lockPersons) in this transaction; a person not in it has none.
 */
export async function placePersons(
  tx: Tx,
  placements: Placement[],
  held?: Map<string, Residence>,
): Promise<{ residence: Residence; closed: Residence | null }[]> {
  checkBatch(placements);
  const personIds = placements.map((p) => p.personId);
  if (!held) await lockPersons(tx, personIds);
  const latestOf = held ?? (await latestResidences(tx, personIds));
  const seen = new Set<string>();
  const closes: Residence[] = [];
  const opens: Omit<Residence, 'id' | 'createdAt'>[] = [];
  const kept = new Map<number, Residence>();
  placements.forEach((p, index) => {
    if (seen.has(p.personId)) throw new RegisterRefusal('idNumber', 'the same person is placed twice in one batch', index);
    seen.add(p.personId);
    const latest = latestOf.get(p.personId);
    const open = latest && latest.untilDate === null ? latest : undefined;
    const outcome = placementOutcome(latest, { cardId: p.card.id, communityId: p.card.communityId, class: p.class, fromDate: p.fromDate });
    if (outcome.kind === 'kept') return kept.set(index, open!);
    if (outcome.kind === 'other-community') {
      throw new RegisterRefusal(
        'cardId',
        `the person lives in community ${open!.communityId} since ${open!.fromDate}; a move to another community is their leaving and being added there`,
        index,
      );
    }
    if (outcome.kind === 'not-after-start') {
      throw new RegisterRefusal('fromDate', `must be after ${latest!.fromDate}, when the person's latest residence began`, index);
    }
    if (outcome.kind === 'before-end') {
      throw new RegisterRefusal('fromDate', `must not be before ${latest!.untilDate}, when the person's latest residence ended`, index);
    }
    if (open && outcome.closes) closes.push({ ...open, untilDate: p.fromDate, endReason: outcome.closes });
    opens.push({
      personId: p.personId,
      countyId: p.card.countyId,
      communityId: p.card.communityId,
      cardId: p.card.id,
      class: p.class,
      fromDate: p.fromDate,
      untilDate: null,
      endReason: null,
      recordedBy: p.recordedBy,
    });
  });
  // One statement per closing day and reason: an import closes a batch on a handful of days.
  const groups = new Map<string, number[]>();
  for (const c of closes) groups.set(JSON.stringify([c.untilDate, c.endReason]), [...(groups.get(JSON.stringify([c.untilDate, c.endReason])) ?? []), c.id]);
  for (const [key, ids] of groups) {
    const [untilDate, endReason] = JSON.parse(key) as [string, string];
    await updateRows(tx, 'PersonResidence', { untilDate, endReason }, 'id', ids);
  }
  const now = new Date();
  const inserted = await insertRows<{ id: number; personId: string }>(
    tx,
    'PersonResidence',
    opens.map((r) => ({ ...r, createdAt: now })),
    ['id', 'personId'],
  );
  const idOf = new Map(inserted.map((r) => [r.personId, r.id]));
  const opened = new Map(opens.map((r) => [r.personId, { id: idOf.get(r.personId)!, ...r, createdAt: now }]));
  const closedOf = new Map(closes.map((c) => [c.personId, c]));
  return placements.map((p, index) => ({ residence: kept.get(index) ?? opened.get(p.personId)!, closed: closedOf.get(p.personId) ?? null }));
}

export async function placePerson(tx: Tx, p: Placement) {
  return (await placePersons(tx, [p]))[0]!;
}

export function closeResidence(tx: Tx, id: number, untilDate: string, endReason: ResidenceEndReason) {
  return tx.personResidence.update({ where: { id }, data: { untilDate, endReason } });
}

export interface ResidenceChange {
  date: string;
  reason: ResidenceEndReason;
  cardId?: string;
  class?: ResidenceClass;
}

/**
 * Ends the person's open residence on `date` for the reason given and, for a move, a
 * re-classification or a correction, opens the one that follows (on the card and in the class
 * given, the open one's otherwise). `card` is the card named by `cardId`, when given. Impossible
 * changes are refused naming the field: no change at all, a date not after the open residence's
 * start or in the future, a card of another community.
 */
export async function changeResidence(tx: Tx, personId: string, change: ResidenceChange, card: Placement['card'] | null, recordedBy: string, today: string) {
  await lockPersons(tx, [personId]);
  const open = await openResidence(tx, personId);
  if (!open) throw new RegisterRefusal('reason', 'the person has no open residence: they have left or died');
  if (change.date > today) throw new RegisterRefusal('date', `must not be in the future (today is ${today})`);
  if (change.date <= open.fromDate) throw new RegisterRefusal('date', `must be after ${open.fromDate}, when the open residence began`);
  const ends = change.reason === 'left' || change.reason === 'died';
  if (ends && change.cardId !== undefined) throw new RegisterRefusal('cardId', `a person who ${change.reason} is placed on no card`);
  if (ends && change.class !== undefined) throw new RegisterRefusal('class', `a person who ${change.reason} has no class`);
  if (card && card.communityId !== open.communityId)
    throw new RegisterRefusal('cardId', `the card is of another community than the open residence's (${open.communityId})`);
  const cardId = card?.id ?? open.cardId;
  const cls = change.class ?? (open.class as ResidenceClass);
  if (change.reason === 'moved' && (!card || cardId === open.cardId)) throw new RegisterRefusal('cardId', 'a move names another card of the community');
  if (change.reason === 'reclassified' && (change.class === undefined || cls === open.class)) {
    throw new RegisterRefusal('class', `a re-classification names a class other than the open residence's (${open.class})`);
  }
  if (change.reason === 'reclassified' && cardId !== open.cardId) throw new RegisterRefusal('cardId', 'a re-classification keeps the card; a move changes it');
  if (change.reason === 'corrected' && cardId === open.cardId && cls === open.class) {
    throw new RegisterRefusal('class', 'a correction changes the card or the class');
  }
  const closed = await closeResidence(tx, open.id, change.date, change.reason);
  if (ends) return { closed, residence: null };
  const residence = await tx.personResidence.create({
    data: { personId, countyId: open.countyId, communityId: open.communityId, cardId, class: cls, fromDate: change.date, recordedBy },
  });
  return { closed, residence };
}

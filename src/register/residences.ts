// The register's writes that the API and the bulk import share: filing a card at a building and
// door (each made when new), finding or creating a person by their ID number, and placing a person
// on a card in a class from a day. A residence is closed and another opened, never overwritten, so
// the register can be read as it stood on any day. Each is a few statements over the caller's
// transaction; a refusal is a RegisterRefusal naming the field, which the API answers as a 422
// (JSON pointer) and the import as a row error (its column).
import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/audit.js';
import type { ResidenceClass, ResidenceEndReason } from '../core/register.js';
import { normalIdNumber } from '../core/idNumber.js';
import { idNumberTail, type PersonalDataCipher } from './personalData.js';

/** A write the register refuses, naming the field at fault (`cardId`, `class`, `date`, `fromDate`, …). */
export class RegisterRefusal extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The community a register row is filed in. */
export interface Place {
  countyId: string;
  communityId: string;
}

export async function findOrCreateBuilding(tx: Tx, place: Place, number: string, address?: string) {
  return tx.registerBuilding.upsert({
    where: { communityId_number: { communityId: place.communityId, number } },
    create: { id: randomUUID(), ...place, number, address: address ?? '' },
    update: {},
  });
}

export async function findOrCreateDoor(tx: Tx, place: Place, building: string, door: string) {
  const b = await findOrCreateBuilding(tx, place, building);
  const d = await tx.registerDoor.upsert({
    where: { buildingId_number: { buildingId: b.id, number: door } },
    create: { id: randomUUID(), communityId: place.communityId, buildingId: b.id, number: door },
    update: {},
  });
  return { building: b, door: d };
}

/** The card of that number, filed at that building and door (each made when new); refused when the number is filed at another door. */
export async function findOrCreateCard(tx: Tx, place: Place, card: { number: string; building: string; door: string }) {
  const { door } = await findOrCreateDoor(tx, place, card.building, card.door);
  const row = await tx.householdCard.upsert({
    where: { communityId_number: { communityId: place.communityId, number: card.number } },
    create: { id: randomUUID(), ...place, number: card.number, doorId: door.id },
    update: {},
  });
  if (row.doorId !== door.id) throw new RegisterRefusal('number', `card ${card.number} is filed at another door of this community`);
  return row;
}

/** The stored form of an ID number: its keyed hash, its cipher and its last four characters. */
export function idNumberColumns(cipher: PersonalDataCipher, idNumber: string) {
  const id = normalIdNumber(idNumber);
  return { idNumberHash: cipher.hash(id), idNumberCipher: cipher.encrypt(id), idNumberTail: idNumberTail(id) };
}

/** The county's person of that ID number, created when new; an existing person's name and phone are kept. */
export async function findOrCreatePerson(tx: Tx, cipher: PersonalDataCipher, countyId: string, p: { name: string; idNumber: string; phone?: string | null }) {
  const hash = cipher.hash(normalIdNumber(p.idNumber));
  const found = await tx.registerPerson.findUnique({ where: { countyId_idNumberHash: { countyId, idNumberHash: hash } } });
  if (found) return { person: found, created: false };
  const person = await tx.registerPerson.create({
    data: { id: randomUUID(), countyId, name: p.name, phone: p.phone ?? null, ...idNumberColumns(cipher, p.idNumber) },
  });
  return { person, created: true };
}

export const openResidence = (tx: Tx, personId: string) => tx.personResidence.findFirst({ where: { personId, untilDate: null } });

export interface Placement {
  personId: string;
  card: { id: string; countyId: string; communityId: string };
  class: ResidenceClass;
  fromDate: string;
  recordedBy: string;
}

/**
 * Places the person on the card in the class from `fromDate`. The same placement again changes
 * nothing (a re-imported row); otherwise their open residence, in the same community, is closed on
 * that day (moved, or reclassified on the same card). Returns the residence opened (or kept) and the one closed.
 */
export async function placePerson(tx: Tx, p: Placement) {
  const open = await openResidence(tx, p.personId);
  if (open && open.cardId === p.card.id && open.class === p.class) return { residence: open, closed: null };
  if (open && open.communityId !== p.card.communityId) {
    throw new RegisterRefusal(
      'cardId',
      `the person lives in community ${open.communityId} since ${open.fromDate}; a move to another community is their leaving and being added there`,
    );
  }
  const latest = await tx.personResidence.findFirst({ where: { personId: p.personId }, orderBy: { fromDate: 'desc' } });
  if (latest && p.fromDate <= latest.fromDate) {
    throw new RegisterRefusal('fromDate', `must be after ${latest.fromDate}, when the person's latest residence began`);
  }
  if (latest && latest.untilDate && p.fromDate < latest.untilDate) {
    throw new RegisterRefusal('fromDate', `must not be before ${latest.untilDate}, when the person's latest residence ended`);
  }
  const closed = open ? await closeResidence(tx, open.id, p.fromDate, open.cardId === p.card.id ? 'reclassified' : 'moved') : null;
  const residence = await tx.personResidence.create({
    data: {
      personId: p.personId,
      countyId: p.card.countyId,
      communityId: p.card.communityId,
      cardId: p.card.id,
      class: p.class,
      fromDate: p.fromDate,
      recordedBy: p.recordedBy,
    },
  });
  return { residence, closed };
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

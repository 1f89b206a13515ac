// Register records written straight with the shared writers (src/register/residences.ts), for
// tests that need a card, a person or a rented home to ask about; and valid ID numbers to file.
import { randomBytes } from 'node:crypto';
import { helpGroupRoles, type HelpGroupRole, type ResidenceClass } from '../../src/core/register.js';
import { idNumberCheckCharacter } from '../../src/core/idNumber.js';
import type { Db } from '../../src/db/client.js';
import { idNumberTail, personalDataCipher, type PersonalDataCipher } from '../../src/register/personalData.js';
import { findOrCreateCard, findOrCreateDoor, findOrCreatePerson, placePerson, type Place } from '../../src/register/residences.js';

let counter = 0;
// Every digit group is a different part of one number, so no two calls of a process collide.
const base = Math.floor(Math.random() * 1e9);
const pad = (v: number, width: number) => String(v).padStart(width, '0');

/** A valid ID number, different on every call (its region, birth date and sequence vary). */
export function freshIdNumber(): string {
  const n = base + ++counter;
  const region = `1101${pad(n % 100, 2)}`;
  const birth = `${1940 + (Math.floor(n / 100) % 70)}${pad(1 + (Math.floor(n / 7000) % 12), 2)}${pad(1 + (Math.floor(n / 84_000) % 28), 2)}`;
  const first17 = `${region}${birth}${pad(Math.floor(n / 2_352_000) % 1000, 3)}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** A cipher under a throwaway key: rows it writes are read masked, never revealed. */
export const throwawayCipher = (): PersonalDataCipher => personalDataCipher(randomBytes(32));

/** A fresh card of the community at building 1, its own door. */
export async function freshCard(db: Db, place: Place) {
  const n = `${++counter}${randomBytes(2).toString('hex')}`;
  return findOrCreateCard(db, place, { number: `K${n}`, building: '1', door: n });
}

/** A fresh person on a fresh card of the community, in the class from the day. */
export async function freshPerson(db: Db, place: Place, cls: ResidenceClass = 'present-registered', fromDate = '2026-01-10', cipher = throwawayCipher()) {
  const card = await freshCard(db, place);
  const { person } = await findOrCreatePerson(db, cipher, place.countyId, { name: '测试人员', idNumber: freshIdNumber() });
  await placePerson(db, { personId: person.id, card, class: cls, fromDate, recordedBy: 'test' });
  return { person, card };
}

/** A fresh rented home of the community, let since the day. */
export async function freshRentedHome(db: Db, place: Place, fromDate = '2026-01-01') {
  const { door } = await findOrCreateDoor(db, place, '9', `${++counter}${randomBytes(2).toString('hex')}`);
  return db.rentedHome.create({ data: { id: `rh-${door.id}`, ...place, doorId: door.id, landlord: '房东', fromDate } });
}

/** An ID number with its GB 11643 check character, from its first 17 digits. */
export const idNumberOf = (first17: string): string => first17 + idNumberCheckCharacter(first17);

export interface TestPerson {
  id: string;
  countyId: string;
  communityId: string;
  name: string;
  idNumber: string;
  phone?: string;
  class?: ResidenceClass;
  fromDate: string;
  building?: string;
  door?: string;
  card?: string;
}

/** Writes the person under a known id and places them on their card (made when new) from the day. */
export async function addTestPerson(db: Db, p: TestPerson, cipher = throwawayCipher()): Promise<void> {
  const [building, door] = [p.building ?? '1', p.door ?? '101'];
  const card = await findOrCreateCard(db, { countyId: p.countyId, communityId: p.communityId }, { number: p.card ?? `${building}-${door}`, building, door });
  await db.registerPerson.create({
    data: {
      id: p.id,
      countyId: p.countyId,
      name: p.name,
      idNumberHash: cipher.hash(p.idNumber),
      idNumberCipher: cipher.encrypt(p.idNumber),
      idNumberTail: idNumberTail(p.idNumber),
      phone: p.phone ?? null,
    },
  });
  await placePerson(db, { personId: p.id, card, class: p.class ?? 'present-registered', fromDate: p.fromDate, recordedBy: 'test' });
}

/** A person living on a card of their own (its number their id) from `fromDate`, in `class`. */
async function resident(db: Db, place: Place, p: { id: string; name: string; class: ResidenceClass; fromDate: string }): Promise<void> {
  await addTestPerson(db, { ...place, id: p.id, name: p.name, idNumber: freshIdNumber(), class: p.class, fromDate: p.fromDate, door: p.id, card: p.id });
}

/** A temporary resident registered on `registeredOn` with a permit valid until `expiresOn`. */
export async function temporaryResident(db: Db, place: Place, p: { id: string; name: string; registeredOn: string; expiresOn: string }): Promise<string> {
  await resident(db, place, { id: p.id, name: p.name, class: 'temporary', fromDate: p.registeredOn });
  await db.temporaryPermit.create({
    data: {
      personId: p.id,
      communityId: place.communityId,
      registeredOn: p.registeredOn,
      expiresOn: p.expiresOn,
      permitNumber: `P-${p.id}`,
      recordedBy: 'test',
    },
  });
  return p.id;
}

/** A key person listed on `listedOn`, the help group's `members` (all three by default) from then, and talks on `talks`; returns the listing id. */
export async function keyPerson(
  db: Db,
  place: Place,
  p: { id: string; name: string; listedOn: string; members?: readonly HelpGroupRole[]; talks?: string[] },
): Promise<string> {
  await resident(db, place, { id: p.id, name: p.name, class: 'present-registered', fromDate: p.listedOn });
  const listingId = `kp-${p.id}`;
  await db.keyPersonListing.create({
    data: { id: listingId, ...place, personId: p.id, category: '刑满释放', listedOn: p.listedOn, recordedBy: 'test' },
  });
  await db.helpGroupMember.createMany({
    data: (p.members ?? helpGroupRoles).map((role) => ({ listingId, role, name: `${role}-${p.id}`, fromDate: p.listedOn, recordedBy: 'test' })),
  });
  await db.keyPersonTalk.createMany({
    data: (p.talks ?? []).map((talkedOn) => ({ listingId, talkedOn, byRole: 'officer', summary: '谈话', recordedBy: 'test' })),
  });
  return listingId;
}

/** A home let at a door of the community from `fromDate`, inspected on `inspections`; returns its id. */
export async function rentedHome(db: Db, place: Place, h: { id: string; fromDate: string; inspections?: string[] }): Promise<string> {
  const { door } = await findOrCreateDoor(db, place, '9', h.id);
  await db.rentedHome.create({ data: { id: h.id, ...place, doorId: door.id, landlord: `房东${h.id}`, fromDate: h.fromDate } });
  await db.rentalInspection.createMany({
    data: (h.inspections ?? []).map((inspectedOn) => ({ rentedHomeId: h.id, communityId: place.communityId, inspectedOn, inspectedBy: 'test' })),
  });
  return h.id;
}

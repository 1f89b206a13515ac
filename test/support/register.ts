// Register records written straight with the shared writers (src/register/residences.ts), for
// tests that need a card, a person or a rented home to ask about; and valid ID numbers to file.
import { randomBytes } from 'node:crypto';
import type { ResidenceClass } from '../../src/core/register.js';
import { idNumberCheckCharacter } from '../../src/core/idNumber.js';
import type { Db } from '../../src/db/client.js';
import { personalDataCipher, type PersonalDataCipher } from '../../src/register/personalData.js';
import { findOrCreateCard, findOrCreateDoor, findOrCreatePerson, placePerson, type Place } from '../../src/register/residences.js';

let counter = 0;

/** A valid ID number, different on every call (its birth date and sequence vary). */
export function freshIdNumber(): string {
  const n = ++counter + Math.floor(Math.random() * 1000) * 1000;
  const birth = `${1940 + (Math.floor(n / 1000) % 70)}0${1 + (n % 9)}${String(10 + (n % 18))}`;
  const first17 = `110105${birth}${String(n % 1000).padStart(3, '0')}`;
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

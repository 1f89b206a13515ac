// Persons of the population register written straight into the tables, as the routes store them
// (the ID number hashed, encrypted and its tail kept), with the building, door and card they live at.
import type { Db } from '../../src/db/client.js';
import { idNumberTail, personalDataCipher } from '../../src/register/personalData.js';

export const testPersonalData = personalDataCipher(Buffer.alloc(32, 7));

/** An ID number with its GB 11643 check character, from its first 17 digits. */
export function idNumberOf(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

export interface TestPerson {
  id: string;
  countyId: string;
  communityId: string;
  name: string;
  idNumber: string;
  phone?: string;
  class?: string;
  fromDate: string;
  building?: string;
  door?: string;
  card?: string;
}

/** Writes the person and their open residence, making the building, door and card when new. */
export async function addTestPerson(db: Db, p: TestPerson): Promise<void> {
  const { countyId, communityId } = p;
  const [building, door, card] = [p.building ?? '1', p.door ?? '101', p.card ?? `${p.building ?? '1'}-${p.door ?? '101'}`];
  const b = await db.registerBuilding.upsert({
    where: { communityId_number: { communityId, number: building } },
    create: { id: `${communityId}-b${building}`, countyId, communityId, number: building },
    update: {},
  });
  const d = await db.registerDoor.upsert({
    where: { buildingId_number: { buildingId: b.id, number: door } },
    create: { id: `${b.id}-d${door}`, communityId, buildingId: b.id, number: door },
    update: {},
  });
  const c = await db.householdCard.upsert({
    where: { communityId_number: { communityId, number: card } },
    create: { id: `${communityId}-card${card}`, countyId, communityId, number: card, doorId: d.id },
    update: {},
  });
  await db.registerPerson.create({
    data: {
      id: p.id,
      countyId,
      name: p.name,
      idNumberHash: testPersonalData.hash(p.idNumber),
      idNumberCipher: testPersonalData.encrypt(p.idNumber),
      idNumberTail: idNumberTail(p.idNumber),
      phone: p.phone ?? null,
    },
  });
  await db.personResidence.create({
    data: { personId: p.id, countyId, communityId, cardId: c.id, class: p.class ?? 'present-registered', fromDate: p.fromDate, recordedBy: 'test' },
  });
}

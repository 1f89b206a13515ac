// Register rows for tests of what reads the register (reminders, backlog), written straight with
// Prisma so those tests do not depend on the register's own routes. The ID number fields hold
// placeholders: nothing under test decrypts them.
import { helpGroupRoles, type HelpGroupRole, type ResidenceClass } from '../../src/core/register.js';
import type { Db } from '../../src/db/client.js';

export interface Place {
  countyId: string;
  communityId: string;
}

/** The door `building/door` of the community, made with its building when new; returns its id. */
export async function door(db: Db, { countyId, communityId }: Place, building: string, number: string): Promise<string> {
  const b = await db.registerBuilding.upsert({
    where: { communityId_number: { communityId, number: building } },
    create: { id: `${communityId}-b${building}`, countyId, communityId, number: building },
    update: {},
  });
  const d = await db.registerDoor.upsert({
    where: { buildingId_number: { buildingId: b.id, number } },
    create: { id: `${b.id}-d${number}`, communityId, buildingId: b.id, number },
    update: {},
  });
  return d.id;
}

/** A person living on a card of the community from `fromDate`, in `class`; returns the person's id. */
export async function resident(db: Db, place: Place, p: { id: string; name: string; class: ResidenceClass; fromDate: string }): Promise<string> {
  const doorId = await door(db, place, '1', p.id);
  const card = await db.householdCard.create({ data: { id: `card-${p.id}`, countyId: place.countyId, communityId: place.communityId, number: p.id, doorId } });
  await db.registerPerson.create({
    data: { id: p.id, countyId: place.countyId, name: p.name, idNumberHash: `hash-${p.id}`, idNumberCipher: `cipher-${p.id}`, idNumberTail: '0000' },
  });
  await db.personResidence.create({
    data: {
      personId: p.id,
      countyId: place.countyId,
      communityId: place.communityId,
      cardId: card.id,
      class: p.class,
      fromDate: p.fromDate,
      recordedBy: 'test',
    },
  });
  return p.id;
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
    data: {
      id: listingId,
      countyId: place.countyId,
      communityId: place.communityId,
      personId: p.id,
      category: '刑满释放',
      listedOn: p.listedOn,
      recordedBy: 'test',
    },
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
  const doorId = await door(db, place, '9', h.id);
  await db.rentedHome.create({
    data: { id: h.id, countyId: place.countyId, communityId: place.communityId, doorId, landlord: `房东${h.id}`, fromDate: h.fromDate },
  });
  await db.rentalInspection.createMany({
    data: (h.inspections ?? []).map((inspectedOn) => ({ rentedHomeId: h.id, communityId: place.communityId, inspectedOn, inspectedBy: 'test' })),
  });
  return h.id;
}

// One batch of checked rows against the register: what each row changes, what it may not (a card
// filed at another door, a date before the history the register already holds), and — when asked —
// the writing of it, a few statements per table for the whole batch. A row the register already
// holds changes nothing; a person on another card or in another class has their open residence
// closed on the row's date and a new one opened, so the history is kept.
import { randomUUID } from 'node:crypto';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { insertRows } from '../db/insertRows.js';
import { residenceClassLabels } from '../core/register.js';
import type { PersonalDataCipher } from './personalData.js';
import { idNumberTail } from './personalData.js';
import { placementOutcome, type LatestResidence } from './residences.js';
import type { ImportRow } from './importRows.js';
import type { SheetError, SheetKey } from './sheet.js';

export interface BatchScope {
  countyId: string;
  communityId: string;
  importId: string;
  actor: AuditActor;
  personalData: PersonalDataCipher;
  /** The file's header, to name columns in errors as the file does. */
  header: Partial<Record<SheetKey, string>>;
}

export interface BatchOutcome {
  /** Rows that changed the register. */
  written: number;
  errors: SheetError[];
}

const byKey = <T, K>(items: T[], key: (t: T) => K) => new Map(items.map((t) => [key(t), t]));
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** Checks the rows against the register and, when `write`, writes the good ones; the caller's transaction holds it together. */
export async function importBatch(tx: Tx, scope: BatchScope, rows: ImportRow[], write: boolean): Promise<BatchOutcome> {
  const { countyId, communityId, personalData } = scope;
  const columnOf = (key: SheetKey) => scope.header[key] ?? key;
  const buildings = byKey(
    await tx.registerBuilding.findMany({ where: { communityId, number: { in: unique(rows.map((r) => r.building)) } }, select: { id: true, number: true } }),
    (b) => b.number,
  );
  const doors = byKey(
    await tx.registerDoor.findMany({
      where: { communityId, buildingId: { in: [...buildings.values()].map((b) => b.id) } },
      select: { id: true, buildingId: true, number: true },
    }),
    (d) => `${d.buildingId}/${d.number}`,
  );
  const cards = byKey(
    await tx.householdCard.findMany({
      where: { communityId, number: { in: unique(rows.map((r) => r.card)) } },
      select: { id: true, number: true, doorId: true },
    }),
    (c) => c.number,
  );
  const hashes = rows.map((r) => personalData.hash(r.idNumber));
  const persons = byKey(
    await tx.registerPerson.findMany({ where: { countyId, idNumberHash: { in: hashes } }, select: { id: true, idNumberHash: true, name: true, phone: true } }),
    (p) => p.idNumberHash,
  );
  const personIds = [...persons.values()].map((p) => p.id);
  const lastResidence = new Map<string, LatestResidence & { id: number }>();
  for (const r of await tx.personResidence.findMany({
    where: { personId: { in: personIds } },
    orderBy: { fromDate: 'asc' },
    select: { id: true, personId: true, cardId: true, communityId: true, class: true, fromDate: true, untilDate: true },
  })) {
    lastResidence.set(r.personId, r);
  }
  const permits = byKey(
    await tx.temporaryPermit.findMany({
      where: { personId: { in: personIds } },
      select: { id: true, personId: true, registeredOn: true, permitNumber: true, expiresOn: true },
    }),
    (p) => `${p.personId}/${p.registeredOn}`,
  );
  const listings = await tx.keyPersonListing.findMany({ where: { personId: { in: personIds } }, select: { personId: true, listedOn: true, delistedOn: true } });
  const cardNumberOf = byKey(
    await tx.householdCard.findMany({ where: { id: { in: unique([...lastResidence.values()].map((r) => r.cardId)) } }, select: { id: true, number: true } }),
    (c) => c.id,
  );
  const misfiled = await doorsOf(
    tx,
    [...cards.values()].map((c) => c.doorId),
  );

  const errors: SheetError[] = [];
  const changes: { row: ImportRow; personId: string; what: string[] }[] = [];
  const newBuildings = new Map<string, string>();
  const newDoors = new Map<string, { id: string; buildingId: string; number: string }>();
  const newCards = new Map<string, { id: string; number: string; doorId: string }>();
  const newPersons: { id: string; name: string; idNumberHash: string; idNumberCipher: string; idNumberTail: string; phone: string | null }[] = [];
  const personUpdates: { id: string; name: string; phone: string | null }[] = [];
  const closures: { id: number; untilDate: string; endReason: string }[] = [];
  const residences: { personId: string; cardId: string; class: string; fromDate: string }[] = [];
  const permitCreates: { personId: string; registeredOn: string; permitNumber: string | null; expiresOn: string | null }[] = [];
  const permitUpdates: { id: number; permitNumber: string | null; expiresOn: string | null }[] = [];
  const listingCreates: { personId: string; category: string; listedOn: string }[] = [];

  rows.forEach((row, i) => {
    const fail = (key: SheetKey, message: string) => errors.push({ line: row.line, column: columnOf(key), message });
    const buildingId = buildings.get(row.building)?.id ?? newBuildings.get(row.building);
    const doorId = buildingId ? (doors.get(`${buildingId}/${row.door}`)?.id ?? newDoors.get(`${buildingId}/${row.door}`)?.id) : undefined;
    const card = cards.get(row.card) ?? newCards.get(row.card);
    if (card && card.doorId !== doorId) {
      const at = misfiled.get(card.doorId);
      return fail('card', `card ${row.card} is filed in the register at building ${at?.building ?? '?'} door ${at?.door ?? '?'}`);
    }
    const person = persons.get(hashes[i]!);
    const last = person ? lastResidence.get(person.id) : undefined;
    const what: string[] = [];
    const outcome = placementOutcome(last, { cardId: card?.id, communityId, class: row.class, fromDate: row.fromDate });
    if (outcome.kind === 'other-community') {
      return fail(
        'card',
        `the register has this person living in community ${last!.communityId} since ${last!.fromDate}; a move to another community is their leaving and being added there`,
      );
    }
    if (outcome.kind === 'not-after-start' && !last!.untilDate) {
      return fail(
        'fromDate',
        `the register has this person on card ${cardNumberOf.get(last!.cardId)?.number ?? last!.cardId} as ${residenceClassLabels[last!.class as keyof typeof residenceClassLabels]?.zh ?? last!.class} since ${last!.fromDate}; a change needs a later date`,
      );
    }
    if (outcome.kind === 'not-after-start' || outcome.kind === 'before-end') {
      return fail('fromDate', `the register has this person's residence ending on ${last!.untilDate}; a new one cannot begin before it`);
    }
    if (outcome.kind === 'opens') what.push(outcome.closes ?? 'residence');

    // The row holds: make what it needs.
    const bId = buildingId ?? newBuildings.set(row.building, randomUUID()).get(row.building)!;
    const dId = doorId ?? newDoors.set(`${bId}/${row.door}`, { id: randomUUID(), buildingId: bId, number: row.door }).get(`${bId}/${row.door}`)!.id;
    const cardId = card?.id ?? newCards.set(row.card, { id: randomUUID(), number: row.card, doorId: dId }).get(row.card)!.id;
    let personId = person?.id;
    if (!personId) {
      personId = randomUUID();
      newPersons.push({
        id: personId,
        name: row.name,
        idNumberHash: hashes[i]!,
        idNumberCipher: personalData.encrypt(row.idNumber),
        idNumberTail: idNumberTail(row.idNumber),
        phone: row.phone,
      });
    } else if (person!.name !== row.name || (row.phone !== null && person!.phone !== row.phone)) {
      personUpdates.push({ id: personId, name: row.name, phone: row.phone ?? person!.phone });
      what.push('person');
    }
    if (outcome.kind === 'opens' && outcome.closes) closures.push({ id: last!.id, untilDate: row.fromDate, endReason: outcome.closes });
    if (what.some((w) => w !== 'person')) residences.push({ personId, cardId, class: row.class, fromDate: row.fromDate });
    if (row.permit) {
      const held = permits.get(`${personId}/${row.permit.registeredOn}`);
      if (!held) {
        permitCreates.push({ personId, ...row.permit });
        what.push('permit');
      } else if ((row.permit.permitNumber ?? held.permitNumber) !== held.permitNumber || (row.permit.expiresOn ?? held.expiresOn) !== held.expiresOn) {
        permitUpdates.push({ id: held.id, permitNumber: row.permit.permitNumber ?? held.permitNumber, expiresOn: row.permit.expiresOn ?? held.expiresOn });
        what.push('permit');
      }
    }
    if (row.keyPerson && !listings.some((l) => l.personId === personId && (l.delistedOn === null || l.listedOn === row.keyPerson!.listedOn))) {
      listingCreates.push({ personId, ...row.keyPerson });
      what.push('key-person');
    }
    if (what.length) changes.push({ row, personId, what });
  });

  if (!write || changes.length === 0) return { written: changes.length, errors };
  const recordedBy = scope.actor.id;
  const now = new Date();
  await tx.registerBuilding.createMany({ data: [...newBuildings].map(([number, id]) => ({ id, countyId, communityId, number })) });
  await tx.registerDoor.createMany({ data: [...newDoors.values()].map((d) => ({ ...d, communityId })) });
  await insertRows(
    tx,
    'HouseholdCard',
    [...newCards.values()].map((c) => ({ ...c, countyId, communityId, createdAt: now, updatedAt: now })),
  );
  await insertRows(
    tx,
    'RegisterPerson',
    newPersons.map((p) => ({ ...p, countyId, createdAt: now, updatedAt: now })),
  );
  for (const p of personUpdates) await tx.registerPerson.update({ where: { id: p.id }, data: { name: p.name, phone: p.phone } });
  for (const c of closures) await tx.personResidence.update({ where: { id: c.id }, data: { untilDate: c.untilDate, endReason: c.endReason } });
  await insertRows(
    tx,
    'PersonResidence',
    residences.map((r) => ({ ...r, countyId, communityId, recordedBy, createdAt: now })),
  );
  await insertRows(
    tx,
    'TemporaryPermit',
    permitCreates.map((p) => ({ ...p, communityId, recordedBy, createdAt: now })),
  );
  for (const p of permitUpdates) await tx.temporaryPermit.update({ where: { id: p.id }, data: { permitNumber: p.permitNumber, expiresOn: p.expiresOn } });
  await tx.keyPersonListing.createMany({ data: listingCreates.map((l) => ({ id: randomUUID(), countyId, communityId, recordedBy, ...l })) });
  // One entry a batch, naming every person the batch changed, its line and what changed (never an
  // ID number): an entry a row cost as much as the rest of the batch together.
  await audited(tx, scope.actor, {
    action: 'import',
    entity: 'RegisterImport',
    entityId: scope.importId,
    after: {
      communityId,
      rows: changes.map(({ row, personId, what }) => ({ line: row.line, personId, card: row.card, class: row.class, fromDate: row.fromDate, changes: what })),
    },
  });
  return { written: changes.length, errors };
}

/** Where cards are filed, for the message of a row that files one elsewhere. */
async function doorsOf(tx: Tx, doorIds: string[]): Promise<Map<string, { building: string; door: string }>> {
  const doors = await tx.registerDoor.findMany({ where: { id: { in: unique(doorIds) } }, select: { id: true, number: true, buildingId: true } });
  const buildings = byKey(
    await tx.registerBuilding.findMany({ where: { id: { in: unique(doors.map((d) => d.buildingId)) } }, select: { id: true, number: true } }),
    (b) => b.id,
  );
  return new Map(doors.map((d) => [d.id, { building: buildings.get(d.buildingId)?.number ?? '?', door: d.number }]));
}

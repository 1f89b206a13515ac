// One batch of checked rows against the register: what each row changes and what it may not (a card
// filed at another door, a date the placement rule refuses), as row errors naming line and column;
// and — when asked — the writing of it. The placing itself is the register's one rule and its one
// set of writers (residences.ts: fileCards, filePersons, placePersons), the same the API uses;
// what is the import's own here is the row→error mapping, a person's name and phone taken from the
// file, permits and key-person listings, and the read-only check of all-or-nothing mode.
import { randomUUID } from 'node:crypto';
import { auditColumns, type AuditActor, type Tx } from '../db/audit.js';
import { insertRows, selectRows } from '../db/bulkRows.js';
import { residenceClassLabels } from '../core/register.js';
import type { PersonalDataCipher } from './personalData.js';
import {
  fileCards,
  filePersons,
  heldBuildings,
  heldCards,
  heldDoors,
  heldPersons,
  latestResidences,
  lockPersons,
  pairKey,
  placePersons,
  placementOutcome,
} from './residences.js';
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
  lines: number[];
  errors: SheetError[];
}

const byKey = <T, K>(items: T[], key: (t: T) => K) => new Map(items.map((t) => [key(t), t]));

/** A checked row and the keyed hash of its ID number, made once for both passes and the writers. */
export type HashedRow = ImportRow & { idNumberHash: string };

/** Checks the rows against the register and, when `write`, writes the good ones; the caller's transaction holds it together. */
export async function importBatch(tx: Tx, scope: BatchScope, rows: HashedRow[], write: boolean): Promise<BatchOutcome> {
  const { countyId, communityId, personalData } = scope;
  const columnOf = (key: SheetKey) => scope.header[key] ?? key;
  // Read as the writers read them, and handed to them: the writing reads nothing twice.
  const buildings = await heldBuildings(
    tx,
    communityId,
    rows.map((r) => r.building),
  );
  const doors = await heldDoors(
    tx,
    rows.flatMap((r) => {
      const building = buildings.get(r.building);
      return building ? [[building.id, r.door] as [string, string]] : [];
    }),
  );
  const cards = await heldCards(
    tx,
    communityId,
    rows.map((r) => r.card),
  );
  const hashes = rows.map((r) => r.idNumberHash);
  const persons = await heldPersons(tx, countyId, hashes);
  const personIds = [...persons.values()].map((p) => p.id);
  // What the batch changes of the persons it holds, read under their locks when it writes: a hand
  // listing (or move) of one of them at the same time waits for this batch, or this one for it.
  if (write) await lockPersons(tx, personIds);
  const lastResidence = await latestResidences(tx, personIds);
  const permits = byKey(
    await selectRows<{ id: number; personId: string; registeredOn: string; permitNumber: string | null; expiresOn: string | null }>(
      tx,
      'TemporaryPermit',
      ['id', 'personId', 'registeredOn', 'permitNumber', 'expiresOn'],
      {},
      'personId',
      personIds,
    ),
    (p) => `${p.personId}/${p.registeredOn}`,
  );
  const listings = await selectRows<{ personId: string; listedOn: string; delistedOn: string | null }>(
    tx,
    'KeyPersonListing',
    ['personId', 'listedOn', 'delistedOn'],
    {},
    'personId',
    personIds,
  );
  // For the messages: the numbers of the cards persons live on, when not among the rows' own, and
  // where the cards filed at another door than the row's are.
  const cardNumberOf = new Map([...cards.values()].map((c) => [c.id, c.number]));
  for (const c of await selectRows<{ id: string; number: string }>(
    tx,
    'HouseholdCard',
    ['id', 'number'],
    {},
    'id',
    [...lastResidence.values()].flatMap((r) => (cardNumberOf.has(r.cardId) ? [] : [r.cardId])),
  )) {
    cardNumberOf.set(c.id, c.number);
  }
  const doorIdOf = (row: ImportRow) => {
    const buildingId = buildings.get(row.building)?.id;
    return buildingId ? doors.get(pairKey(buildingId, row.door))?.id : undefined;
  };
  const misfiled = await doorsOf(
    tx,
    rows.flatMap((r) => {
      const card = cards.get(r.card);
      return card && card.doorId !== doorIdOf(r) ? [card.doorId] : [];
    }),
  );

  const errors: SheetError[] = [];
  /** A row that changes the register: its person (when already held), how it places them, and what it changes. */
  const accepted: {
    row: HashedRow;
    person: { id: string } | undefined;
    places: boolean;
    what: string[];
    permit: 'create' | { id: number; permitNumber: string | null; expiresOn: string | null } | null;
    listing: boolean;
  }[] = [];
  const personUpdates: { id: string; name: string; phone: string | null }[] = [];
  // Cards new in this batch, where an earlier row filed them: a later row may not file one elsewhere.
  const newCards = new Map<string, { building: string; door: string }>();

  rows.forEach((row, i) => {
    const fail = (key: SheetKey, message: string) => errors.push({ line: row.line, column: columnOf(key), message });
    const card = cards.get(row.card);
    if (card && card.doorId !== doorIdOf(row)) {
      const at = misfiled.get(card.doorId);
      return fail('card', `card ${row.card} is filed in the register at building ${at?.building ?? '?'} door ${at?.door ?? '?'}`);
    }
    const filedHere = newCards.get(row.card);
    if (filedHere && (filedHere.building !== row.building || filedHere.door !== row.door)) {
      return fail('card', `card ${row.card} is filed in the register at building ${filedHere.building} door ${filedHere.door}`);
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
        `the register has this person on card ${cardNumberOf.get(last!.cardId) ?? last!.cardId} as ${residenceClassLabels[last!.class as keyof typeof residenceClassLabels]?.zh ?? last!.class} since ${last!.fromDate}; a change needs a later date`,
      );
    }
    if (outcome.kind === 'not-after-start' || outcome.kind === 'before-end') {
      return fail('fromDate', `the register has this person's residence ending on ${last!.untilDate}; a new one cannot begin before it`);
    }
    if (outcome.kind === 'opens') what.push(outcome.closes ?? 'residence');

    // The row holds.
    if (!card && !filedHere) newCards.set(row.card, { building: row.building, door: row.door });
    if (person && (person.name !== row.name || (row.phone !== null && person.phone !== row.phone))) {
      personUpdates.push({ id: person.id, name: row.name, phone: row.phone ?? person.phone });
      what.push('person');
    }
    let permit: (typeof accepted)[number]['permit'] = null;
    if (row.permit) {
      const held = person ? permits.get(`${person.id}/${row.permit.registeredOn}`) : undefined;
      if (!held) permit = 'create';
      else if ((row.permit.permitNumber ?? held.permitNumber) !== held.permitNumber || (row.permit.expiresOn ?? held.expiresOn) !== held.expiresOn) {
        permit = { id: held.id, permitNumber: row.permit.permitNumber ?? held.permitNumber, expiresOn: row.permit.expiresOn ?? held.expiresOn };
      }
      if (permit) what.push('permit');
    }
    const listing =
      row.keyPerson !== null && !listings.some((l) => l.personId === person?.id && (l.delistedOn === null || l.listedOn === row.keyPerson!.listedOn));
    if (listing) what.push('key-person');
    if (what.length) accepted.push({ row, person, places: outcome.kind === 'opens', what, permit, listing });
  });

  if (!write || accepted.length === 0) return { written: accepted.length, lines: accepted.map((a) => a.row.line), errors };
  const recordedBy = scope.actor.id;
  const now = new Date();
  // The register's own writers file the cards and persons and place them, the batch in one call
  // (a batch is at most registerBatchSize rows), from what was read above.
  const filedCards = await fileCards(
    tx,
    { countyId, communityId },
    accepted.map(({ row }) => ({ number: row.card, building: row.building, door: row.door })),
    { buildings, doors, cards },
  );
  const filed = await filePersons(
    tx,
    personalData,
    countyId,
    accepted.map(({ row }) => ({ name: row.name, idNumber: row.idNumber, phone: row.phone, idNumberHash: row.idNumberHash })),
    persons,
  );
  const personIdOf = filed.map((f) => f.person.id);
  await placePersons(
    tx,
    accepted.flatMap((a, k) =>
      a.places ? [{ personId: personIdOf[k]!, card: filedCards.get(a.row.card)!, class: a.row.class, fromDate: a.row.fromDate, recordedBy }] : [],
    ),
    lastResidence,
  );
  for (const p of personUpdates) await tx.registerPerson.update({ where: { id: p.id }, data: { name: p.name, phone: p.phone } });
  await insertRows(
    tx,
    'TemporaryPermit',
    accepted.flatMap((a, k) => (a.permit === 'create' ? [{ personId: personIdOf[k]!, ...a.row.permit!, communityId, recordedBy, createdAt: now }] : [])),
  );
  for (const a of accepted) {
    const p = a.permit;
    if (p && p !== 'create') await tx.temporaryPermit.update({ where: { id: p.id }, data: { permitNumber: p.permitNumber, expiresOn: p.expiresOn } });
  }
  await insertRows(
    tx,
    'KeyPersonListing',
    accepted.flatMap((a, k) =>
      a.listing ? [{ id: randomUUID(), countyId, communityId, recordedBy, personId: personIdOf[k]!, ...a.row.keyPerson!, createdAt: now, updatedAt: now }] : [],
    ),
  );
  const changes = accepted.map((a, k) => ({ row: a.row, personId: personIdOf[k]!, what: a.what }));
  // One entry a batch, naming every person the batch changed, its line and what changed (never an
  // ID number): an entry a row cost as much as the rest of the batch together.
  // Written by insertRows: Prisma's create spends 50-100 ms of CPU on an entry of 900 rows, this 12.
  const entry = auditColumns(scope.actor, {
    action: 'import',
    entity: 'RegisterImport',
    entityId: scope.importId,
    after: {
      communityId,
      rows: changes.map(({ row, personId, what }) => ({ line: row.line, personId, card: row.card, class: row.class, fromDate: row.fromDate, changes: what })),
    },
  });
  await insertRows(tx, 'AuditEntry', [{ ...entry, before: null, after: (entry.after as object | undefined) ?? null, at: now }]);
  return { written: changes.length, lines: accepted.map((a) => a.row.line), errors };
}

/** Where cards are filed, for the message of a row that files one elsewhere. */
async function doorsOf(tx: Tx, doorIds: string[]): Promise<Map<string, { building: string; door: string }>> {
  const doors = await selectRows<{ id: string; number: string; buildingId: string }>(tx, 'RegisterDoor', ['id', 'number', 'buildingId'], {}, 'id', doorIds);
  const buildings = byKey(
    await selectRows<{ id: string; number: string }>(
      tx,
      'RegisterBuilding',
      ['id', 'number'],
      {},
      'id',
      doors.map((d) => d.buildingId),
    ),
    (b) => b.id,
  );
  return new Map(doors.map((d) => [d.id, { building: buildings.get(d.buildingId)?.number ?? '?', door: d.number }]));
}

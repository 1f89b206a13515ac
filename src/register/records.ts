// How the register's rows are shown and reached: a card with its building and door numbers, a
// person with their ID number masked (clear only when revealed) and their open residence. The
// tables hold ids only, so a page's cards, doors and buildings are read in three statements.
import type { Response } from 'express';
import type { Tx } from '../db/audit.js';
import type { Ctx } from '../api/context.js';
import { Problem } from '../api/problem.js';
import { maskIdNumber, type PersonalDataCipher } from './personalData.js';
import { reachCommunity } from './access.js';
import { RegisterRefusal } from './residences.js';

export interface CardLabel {
  id: string;
  number: string;
  communityId: string;
  building: string;
  door: string;
}

/** The cards of these ids with their building and door numbers. */
export async function cardLabels(tx: Tx, ids: Iterable<string>): Promise<Map<string, CardLabel>> {
  const cards = await tx.householdCard.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const doors = await doorLabels(
    tx,
    cards.map((c) => c.doorId),
  );
  return new Map(cards.map((c) => [c.id, { id: c.id, number: c.number, communityId: c.communityId, ...doors.get(c.doorId)! }]));
}

/** The doors of these ids with their own and their building's numbers. */
export async function doorLabels(tx: Tx, ids: Iterable<string>): Promise<Map<string, { building: string; door: string }>> {
  const doors = await tx.registerDoor.findMany({ where: { id: { in: [...new Set(ids)] } } });
  const buildings = new Map(
    (await tx.registerBuilding.findMany({ where: { id: { in: [...new Set(doors.map((d) => d.buildingId))] } } })).map((b) => [b.id, b.number]),
  );
  return new Map(doors.map((d) => [d.id, { building: buildings.get(d.buildingId)!, door: d.number }]));
}

type ResidenceRow = { id: number; cardId: string; class: string; fromDate: string; untilDate: string | null; endReason: string | null; recordedBy: string };
type PersonRow = { id: string; name: string; idNumberTail: string; idNumberCipher: string; phone: string | null };

export function residenceView(r: ResidenceRow, cards: Map<string, CardLabel>) {
  const card = cards.get(r.cardId);
  return {
    id: r.id,
    cardId: r.cardId,
    cardNumber: card?.number ?? '',
    building: card?.building ?? '',
    door: card?.door ?? '',
    class: r.class,
    fromDate: r.fromDate,
  };
}

export const historyView = (r: ResidenceRow, cards: Map<string, CardLabel>) => ({
  ...residenceView(r, cards),
  untilDate: r.untilDate,
  endReason: r.endReason,
  recordedBy: r.recordedBy,
});

/** A person as the register shows them: the ID number masked unless `reveal` gives the cipher to open it. */
export function personView(p: PersonRow, open: ResidenceRow | null, cards: Map<string, CardLabel>, reveal?: PersonalDataCipher) {
  return {
    id: p.id,
    name: p.name,
    idNumber: reveal ? reveal.decrypt(p.idNumberCipher) : maskIdNumber(p.idNumberTail),
    phone: p.phone,
    residence: open ? residenceView(open, cards) : null,
  };
}

/** What the audit keeps of a person: never the ID number in clear. */
export const personAudit = (p: PersonRow) => ({ id: p.id, name: p.name, idNumber: maskIdNumber(p.idNumberTail), phone: p.phone });

/** These persons as shown, each with their open residence, in the order given. */
export async function personViews(tx: Tx, persons: PersonRow[]) {
  const open = await tx.personResidence.findMany({ where: { personId: { in: persons.map((p) => p.id) }, untilDate: null } });
  const byPerson = new Map(open.map((r) => [r.personId, r]));
  const cards = await cardLabels(
    tx,
    open.map((r) => r.cardId),
  );
  return persons.map((p) => personView(p, byPerson.get(p.id) ?? null, cards));
}

/**
 * A register row of community `communityId` when the caller reaches that community (and, with
 * `write`, keeps it): 404 naming the row, not its community, otherwise; 403 for a reader writing.
 */
export async function reachRecord(ctx: Ctx, res: Response, communityId: string | undefined, entity: string, id: string | number, write = false) {
  if (communityId === undefined) throw Problem.notFound(entity, id);
  try {
    return await reachCommunity(ctx, res, communityId, write);
  } catch (err) {
    if (err instanceof Problem && err.status === 404) throw Problem.notFound(entity, id);
    throw err;
  }
}

/** Runs a register write, turning its refusal into a 422 naming the body field. */
export async function refusedAs422<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof RegisterRefusal) throw Problem.field(422, { pointer: `/${err.field}`, message: err.message });
    throw err;
  }
}

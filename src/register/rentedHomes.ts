// The changes to a community's rented homes (出租房屋): a door let from a day, an inspection on a
// day. A door is let once at a time; an inspection falls while the home is let. The API's routes
// and the spreadsheet import both write through these, each change audited in the caller's
// transaction.
import { randomUUID } from 'node:crypto';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { Problem } from '../api/problem.js';
import { findOrCreateDoor, type Place } from './residences.js';

export interface RentedHome {
  id: string;
  countyId: string;
  communityId: string;
  doorId: string;
  landlord: string;
  fromDate: string;
  untilDate: string | null;
}

/** The let of the door that holds on `fromDate` or begins after it: a let from that day would overlap it. */
export const letOverlapping = (tx: Tx, doorId: string, fromDate: string): Promise<RentedHome | null> =>
  tx.rentedHome.findFirst({ where: { doorId, OR: [{ untilDate: null }, { untilDate: { gt: fromDate } }] } });

/** The refusal of a let that would overlap `let_`. */
export const letConflict = (let_: RentedHome, at: { building: string; door: string }) =>
  Problem.field(409, { pointer: '/door', message: `door ${at.building}-${at.door} is let from ${let_.fromDate} (rented home ${let_.id})` });

/** Lets the door (made when new) from a day; 409 naming `/door` while another let of it overlaps. */
export async function letDoor(
  tx: Tx,
  actor: AuditActor,
  place: Place,
  input: { building: string; door: string; landlord: string; fromDate: string },
  today: string,
): Promise<RentedHome> {
  if (input.fromDate > today) throw Problem.field(422, { pointer: '/fromDate', message: `must not be in the future (today is ${today})` });
  const { door } = await findOrCreateDoor(tx, place, input.building, input.door);
  const let_ = await letOverlapping(tx, door.id, input.fromDate);
  if (let_) throw letConflict(let_, input);
  const row = await tx.rentedHome.create({
    data: { id: randomUUID(), countyId: place.countyId, communityId: place.communityId, doorId: door.id, landlord: input.landlord, fromDate: input.fromDate },
  });
  await audited(tx, actor, { action: 'create', entity: 'RentedHome', entityId: row.id, after: { ...row, building: input.building, door: input.door } });
  return row;
}

/** A day something happens to a let home: not in the future, not before it was let, not once it ended. */
export function letOn(pointer: string, date: string, home: Pick<RentedHome, 'fromDate' | 'untilDate'>, today: string): void {
  if (date > today) throw Problem.field(422, { pointer, message: `must not be in the future (today is ${today})` });
  if (date < home.fromDate) throw Problem.field(422, { pointer, message: `must not be before ${home.fromDate}, when the home was let` });
  if (home.untilDate) throw Problem.field(422, { pointer, message: `the home is no longer let since ${home.untilDate}` });
}

export async function recordInspection(tx: Tx, actor: AuditActor, home: RentedHome, input: { inspectedOn: string; note?: string }, today: string) {
  letOn('/inspectedOn', input.inspectedOn, home, today);
  const created = await tx.rentalInspection.create({
    data: { rentedHomeId: home.id, communityId: home.communityId, inspectedOn: input.inspectedOn, inspectedBy: actor.id, note: input.note ?? '' },
  });
  await audited(tx, actor, { action: 'create', entity: 'RentalInspection', entityId: created.id, after: created });
  return created;
}

export async function endLet(tx: Tx, actor: AuditActor, home: RentedHome, date: string, today: string) {
  letOn('/date', date, home, today);
  const row = await tx.rentedHome.update({ where: { id: home.id }, data: { untilDate: date } });
  await audited(tx, actor, { action: 'end', entity: 'RentedHome', entityId: home.id, before: home, after: row });
  return row;
}

// The changes an officer or station makes to a key person's record. Nothing is overwritten: a
// help-group member who changes is closed on the day and a new one opened, a talk once logged
// stays, a delisting ends the listing. Each change is audited in the caller's transaction, which
// holds the person's row lock (lockPersons) before reading what it changes: two changes to one
// person's listings queue rather than both deciding on the same state.
import { randomUUID } from 'node:crypto';
import type { HelpGroupRole } from '../core/register.js';
import { audited, type AuditActor, type Tx } from '../db/audit.js';
import { Problem } from '../api/problem.js';
import { holdsOn, type Listing } from './keyPersons.js';
import { registerScope, type RegisterReach } from './access.js';
import { lockPersons } from './residences.js';

/** `at`: the body's JSON pointer or the query parameter. */
function notFuture(date: string, today: string, at: { pointer: string } | { parameter: string }): void {
  if (date > today) throw Problem.field(422, { ...at, message: `${date} is in the future; record a day after it has happened` });
}

function notBeforeListing(date: string, listing: Listing, pointer: string): void {
  if (date < listing.listedOn) throw Problem.field(422, { pointer, message: `${date} is before the person was listed on ${listing.listedOn}` });
}

function stillListed(listing: Listing): void {
  if (listing.delistedOn !== null)
    throw new Problem(409, `key person ${listing.id} was delisted on ${listing.delistedOn}; list them again to change their record`);
}

/**
 * Lists a person as a key person of the community they lived in on `listedOn` (one the caller
 * keeps). 409 while they are listed and not delisted.
 */
export async function listKeyPerson(
  tx: Tx,
  actor: AuditActor,
  reach: RegisterReach,
  personId: string,
  input: { category: string; listedOn: string },
  today: string,
) {
  const residences = await tx.personResidence.findMany({ where: { personId, ...registerScope(reach) } });
  if (residences.length === 0) throw Problem.notFound('register person', personId);
  if (!reach.keeps) throw new Problem(403, `the register of person ${personId}'s community is kept by its officer and police station; you may read it`);
  notFuture(input.listedOn, today, { pointer: '/listedOn' });
  const residence = residences.find((r) => holdsOn(r, input.listedOn));
  if (!residence) throw Problem.field(422, { pointer: '/listedOn', message: `person ${personId} did not live in a community you keep on ${input.listedOn}` });
  // Two listings of one person at once queue here, so the second sees the first's open listing.
  await lockPersons(tx, [personId]);
  const listings = await tx.keyPersonListing.findMany({ where: { personId }, orderBy: { listedOn: 'desc' } });
  const open = listings.find((l) => l.delistedOn === null);
  if (open)
    throw new Problem(409, `person ${personId} is already listed as a key person since ${open.listedOn} (${open.id})`, undefined, { listingId: open.id });
  const last = listings[0];
  if (last && input.listedOn < last.delistedOn!)
    throw Problem.field(422, { pointer: '/listedOn', message: `person ${personId} was listed until ${last.delistedOn}; list them again from that day on` });
  const row = await tx.keyPersonListing.create({
    data: { id: randomUUID(), countyId: residence.countyId, communityId: residence.communityId, personId, ...input, recordedBy: actor.id },
  });
  await audited(tx, actor, { action: 'create', entity: 'KeyPersonListing', entityId: row.id, after: row });
  return row;
}

export type Member = { name: string; officerId: string | null; phone: string | null };

/**
 * Whether putting `member` in the role from `fromDate` changes who holds it now (`current`): the
 * same member again does not; another from a day not after the current one's would overwrite the
 * record of who held it (409 on the same day, 422 naming `/fromDate` before it).
 */
export function memberChanges(current: (Member & { fromDate: string }) | null, role: HelpGroupRole, member: Member, fromDate: string): boolean {
  if (current && current.name === member.name && current.officerId === member.officerId && current.phone === member.phone) return false;
  if (current && fromDate <= current.fromDate) {
    const message = `the ${role} is ${current.name} from ${current.fromDate}; a change takes effect on a later day`;
    if (fromDate === current.fromDate) throw new Problem(409, message);
    throw Problem.field(422, { pointer: '/fromDate', message });
  }
  return true;
}

/**
 * Puts a member in a role from a day: the one holding it is closed that day. The same member
 * again changes nothing; another member from the same day as the one holding it is a conflict
 * (the record of who held it is not overwritten).
 */
export async function setHelpGroupMember(
  tx: Tx,
  actor: AuditActor,
  listing: Listing,
  role: HelpGroupRole,
  input: { name: string; officerId?: string; phone?: string; fromDate: string },
  today: string,
) {
  stillListed(listing);
  if (role === 'officer' && !input.officerId)
    throw Problem.field(422, { pointer: '/officerId', message: "the group's officer must name an officer of the county" });
  if (role !== 'officer' && input.officerId) throw Problem.field(422, { pointer: '/officerId', message: `only the officer names an officer, not the ${role}` });
  if (input.officerId && !(await tx.officer.findFirst({ where: { id: input.officerId, countyId: listing.countyId } })))
    throw Problem.field(422, { pointer: '/officerId', message: `officer ${input.officerId} is not an officer of the county` });
  notFuture(input.fromDate, today, { pointer: '/fromDate' });
  notBeforeListing(input.fromDate, listing, '/fromDate');
  const member = { name: input.name, officerId: input.officerId ?? null, phone: input.phone ?? null };
  const current = await tx.helpGroupMember.findFirst({ where: { listingId: listing.id, role, untilDate: null } });
  if (!memberChanges(current, role, member, input.fromDate)) return { row: current!, changed: false };
  if (current) {
    const closed = await tx.helpGroupMember.update({ where: { id: current.id }, data: { untilDate: input.fromDate } });
    await audited(tx, actor, { action: 'update', entity: 'HelpGroupMember', entityId: current.id, before: current, after: closed });
  }
  const row = await tx.helpGroupMember.create({ data: { listingId: listing.id, role, ...member, fromDate: input.fromDate, recordedBy: actor.id } });
  await audited(tx, actor, { action: 'create', entity: 'HelpGroupMember', entityId: row.id, after: row });
  return { row, changed: true };
}

/** Ends the role's member on a day, leaving the role empty. */
export async function removeHelpGroupMember(tx: Tx, actor: AuditActor, listing: Listing, role: HelpGroupRole, date: string, today: string) {
  stillListed(listing);
  const current = await tx.helpGroupMember.findFirst({ where: { listingId: listing.id, role, untilDate: null } });
  if (!current) throw new Problem(404, `key person ${listing.id} has no ${role} in their help group`);
  notFuture(date, today, { parameter: 'date' });
  if (date < current.fromDate)
    throw Problem.field(422, { parameter: 'date', message: `${date} is before ${current.name} became the ${role} on ${current.fromDate}` });
  const closed = await tx.helpGroupMember.update({ where: { id: current.id }, data: { untilDate: date } });
  await audited(tx, actor, { action: 'update', entity: 'HelpGroupMember', entityId: current.id, before: current, after: closed });
  return closed;
}

/**
 * Logs a talk held by the member of a role on a day. One talk per day and role: the same talk
 * again changes nothing, a different one is a conflict.
 */
export async function logTalk(tx: Tx, actor: AuditActor, listing: Listing, input: { talkedOn: string; byRole: HelpGroupRole; summary: string }, today: string) {
  notFuture(input.talkedOn, today, { pointer: '/talkedOn' });
  notBeforeListing(input.talkedOn, listing, '/talkedOn');
  if (listing.delistedOn !== null && input.talkedOn >= listing.delistedOn)
    throw Problem.field(422, { pointer: '/talkedOn', message: `${input.talkedOn} is on or after the delisting on ${listing.delistedOn}` });
  const logged = await tx.keyPersonTalk.findUnique({
    where: { listingId_talkedOn_byRole: { listingId: listing.id, talkedOn: input.talkedOn, byRole: input.byRole } },
  });
  if (logged) {
    if (logged.summary === input.summary) return { row: logged, created: false };
    throw new Problem(409, `a talk by the ${input.byRole} on ${input.talkedOn} is already logged with another summary`);
  }
  // The community's officer talks with the key persons of their community whether or not the help
  // group names them yet (the officer who just imported a listing must be able to log the first talk);
  // a cadre or parent only while they are in the group.
  if (input.byRole !== 'officer') {
    const members = await tx.helpGroupMember.findMany({ where: { listingId: listing.id, role: input.byRole } });
    if (!members.some((m) => holdsOn(m, input.talkedOn)))
      throw Problem.field(422, { pointer: '/byRole', message: `key person ${listing.id} had no ${input.byRole} in their help group on ${input.talkedOn}` });
  }
  const row = await tx.keyPersonTalk.create({ data: { listingId: listing.id, ...input, recordedBy: actor.id } });
  await audited(tx, actor, { action: 'create', entity: 'KeyPersonTalk', entityId: row.id, after: row });
  return { row, created: true };
}

/** Ends a listing on a day for a reason; the same delisting again changes nothing. */
export async function delistKeyPerson(tx: Tx, actor: AuditActor, listing: Listing, input: { date: string; reason: string }, today: string) {
  if (listing.delistedOn !== null) {
    if (listing.delistedOn === input.date && listing.delistReason === input.reason) return listing;
    throw new Problem(409, `key person ${listing.id} was already delisted on ${listing.delistedOn}`);
  }
  notFuture(input.date, today, { pointer: '/date' });
  notBeforeListing(input.date, listing, '/date');
  const after = await tx.keyPersonListing.update({ where: { id: listing.id }, data: { delistedOn: input.date, delistReason: input.reason } });
  await audited(tx, actor, { action: 'update', entity: 'KeyPersonListing', entityId: listing.id, before: listing, after });
  return after;
}

// The help groups (帮教小组) and rented homes (出租房屋) a register sheet's rows name, against the
// register: checked before a batch's persons are written (a row they refuse writes nothing, in
// either mode), and written after them (a listing or door the batch makes is there by then). Every
// change goes through the writers the API uses — setHelpGroupMember, letDoor, recordInspection —
// and is audited by them; what is the import's own is which member and day a row means:
// - a role never held on the listing is filled from the day the person was listed, a member who
//   differs from the one holding it takes over today (the bureau's day);
// - the community officer (communityOfficer) is named, from the later of the listing and their
//   binding, when the listing has never had one and the row names a group;
// - an import never removes a member nor ends a let: an empty cell says nothing (an empty phone
//   keeps the member's).
import type { HelpGroupRole } from '../core/register.js';
import { boundOn } from '../db/bindings.js';
import type { Tx } from '../db/audit.js';
import { Problem } from '../api/problem.js';
import { importBatch, type BatchOutcome, type BatchScope, type HashedRow } from './importBatch.js';
import { memberChanges, setHelpGroupMember, type Member } from './keyPersonWrites.js';
import { letConflict, letDoor, letOn, letOverlapping, recordInspection, type RentedHome } from './rentedHomes.js';
import { heldBuildings, heldDoors, heldPersons, lockPersons, pairKey } from './residences.js';
import type { SheetError, SheetKey } from './sheet.js';

export type GroupScope = BatchScope & { today: string; officerId?: string };

interface GroupOutcome {
  /** Lines of the rows whose group or rented home changed the register. */
  lines: Set<number>;
  errors: SheetError[];
}

/** A batch of rows, persons and all: as importBatch, with the rows' help groups and rented homes. */
export async function importBatchWithGroups(tx: Tx, scope: GroupScope, rows: HashedRow[], write: boolean): Promise<BatchOutcome> {
  const checked = await importGroups(tx, scope, rows, false);
  const refused = new Set(checked.errors.map((e) => e.line));
  const persons = await importBatch(
    tx,
    scope,
    rows.filter((r) => !refused.has(r.line)),
    write,
  );
  for (const e of persons.errors) refused.add(e.line);
  const groups = write
    ? await importGroups(
        tx,
        scope,
        rows.filter((r) => !refused.has(r.line)),
        true,
      )
    : { lines: new Set([...checked.lines].filter((l) => !refused.has(l))), errors: [] };
  const lines = [...new Set([...persons.lines, ...groups.lines])];
  return { written: lines.length, lines, errors: [...checked.errors, ...persons.errors, ...groups.errors] };
}

async function importGroups(tx: Tx, scope: GroupScope, rows: HashedRow[], write: boolean): Promise<GroupOutcome> {
  const out: GroupOutcome = { lines: new Set(), errors: [] };
  await helpGroups(tx, scope, rows, write, out);
  await rentedHomes(tx, scope, rows, write, out);
  return out;
}

/** A writer's refusal as the row's error in `column`. */
function refusal(scope: GroupScope, line: number, column: SheetKey, e: unknown): SheetError {
  if (!(e instanceof Problem)) throw e;
  return { line, column: scope.header[column] ?? column, message: e.body.errors?.[0]?.message ?? e.message };
}

const memberColumn: Record<HelpGroupRole, SheetKey> = { officer: 'keyPersonCategory', 'security-cadre': 'securityCadre', parent: 'parent' };

async function helpGroups(tx: Tx, scope: GroupScope, rows: HashedRow[], write: boolean, out: GroupOutcome): Promise<void> {
  const grouped = rows.filter((r) => r.helpGroup);
  if (grouped.length === 0) return;
  const persons = [
    ...(
      await heldPersons(
        tx,
        scope.countyId,
        grouped.map((r) => r.idNumberHash),
      )
    ).values(),
  ];
  const personIds = persons.map((p) => p.id);
  // As the API's changes do: the persons' rows first, so a change to their listings meanwhile queues.
  if (write) await lockPersons(tx, personIds);
  const listings = await tx.keyPersonListing.findMany({ where: { personId: { in: personIds }, delistedOn: null } });
  const members = await tx.helpGroupMember.findMany({ where: { listingId: { in: listings.map((l) => l.id) } } });
  const officer = await communityOfficer(tx, scope);
  const personOf = new Map(persons.map((p) => [p.idNumberHash, p.id]));
  const listingOf = new Map(listings.map((l) => [l.personId, l]));

  for (const row of grouped) {
    // Before anything is written, a person or listing the import makes has no group yet.
    const listing = listingOf.get(personOf.get(row.idNumberHash) ?? '');
    if (write && !listing) continue;
    const held = members.filter((m) => m.listingId === listing?.id);
    const listedOn = listing?.listedOn ?? row.keyPerson!.listedOn;
    // An empty phone cell keeps the phone the register has for the same member.
    const named = (role: 'security-cadre' | 'parent'): Member | null => {
      const cell = row.helpGroup![role];
      const current = held.find((m) => m.role === role && m.untilDate === null && m.name === cell?.name);
      return cell && { name: cell.name, officerId: null, phone: cell.phone ?? current?.phone ?? null };
    };
    const wanted: [HelpGroupRole, Member | null, string][] = [
      ['officer', officer && { name: officer.name, officerId: officer.id, phone: null }, officer && officer.from > listedOn ? officer.from : listedOn],
      ['security-cadre', named('security-cadre'), listedOn],
      ['parent', named('parent'), listedOn],
    ];
    for (const [role, member, firstDay] of wanted) {
      const ever = held.filter((m) => m.role === role);
      if (!member || (role === 'officer' && ever.length > 0)) continue;
      const fromDate = ever.length ? scope.today : firstDay;
      try {
        const changes = write
          ? (
              await setHelpGroupMember(
                tx,
                scope.actor,
                listing!,
                role,
                { name: member.name, officerId: member.officerId ?? undefined, phone: member.phone ?? undefined, fromDate },
                scope.today,
              )
            ).changed
          : memberChanges(ever.find((m) => m.untilDate === null) ?? null, role, member, fromDate);
        if (changes) out.lines.add(row.line);
      } catch (e) {
        out.errors.push(refusal(scope, row.line, memberColumn[role], e));
        break;
      }
    }
  }
}

/**
 * The community's officer, from when bound to it: the importer when bound to it today, else the one
 * officer bound to it; none when a station imports for a community of several officers.
 */
async function communityOfficer(tx: Tx, scope: GroupScope): Promise<{ id: string; name: string; from: string } | null> {
  const bound = await tx.binding.findMany({ where: { communityId: scope.communityId, subjectType: 'officer', ...boundOn(scope.today) } });
  const binding = bound.find((b) => b.subjectId === scope.officerId) ?? (bound.length === 1 ? bound[0] : undefined);
  const officer = binding && (await tx.officer.findFirst({ where: { id: binding.subjectId, countyId: scope.countyId } }));
  return officer ? { id: officer.id, name: officer.name, from: binding.effectiveFrom } : null;
}

async function rentedHomes(tx: Tx, scope: GroupScope, rows: HashedRow[], write: boolean, out: GroupOutcome): Promise<void> {
  // The rows of a door state the same let (importRows.ts); each is refused with it.
  const byDoor = new Map<string, HashedRow[]>();
  for (const row of rows) {
    if (!row.rentedHome) continue;
    const key = JSON.stringify([row.building, row.door]);
    byDoor.set(key, [...(byDoor.get(key) ?? []), row]);
  }
  if (byDoor.size === 0) return;
  const doorRows = [...byDoor.values()];
  const buildings = await heldBuildings(
    tx,
    scope.communityId,
    doorRows.map(([r]) => r!.building),
  );
  const buildingId = new Map([...buildings.values()].map((b) => [b.number, b.id]));
  const doors = await heldDoors(
    tx,
    doorRows.flatMap(([r]) => (buildingId.has(r!.building) ? [[buildingId.get(r!.building)!, r!.door] as [string, string]] : [])),
  );

  for (const stating of doorRows) {
    const { building, door, rentedHome: want } = stating[0]!;
    const { landlord, fromDate, lastInspectedOn } = want!;
    const id = doors.get(pairKey(buildingId.get(building) ?? '', door))?.id;
    let column: SheetKey = 'rentedFrom';
    try {
      // Before anything is written, a door the import makes is not let yet.
      const let_ = id ? await letOverlapping(tx, id, fromDate) : null;
      if (let_ && let_.fromDate === fromDate && let_.landlord !== landlord) column = 'landlord';
      if (let_ && (let_.fromDate !== fromDate || let_.landlord !== landlord)) throw letConflict(let_, { building, door });
      let home: RentedHome | Pick<RentedHome, 'fromDate' | 'untilDate'> | null = let_;
      if (!home) {
        home = write ? await letDoor(tx, scope.actor, scope, { building, door, landlord, fromDate }, scope.today) : { fromDate, untilDate: null };
        out.lines.add(stating[0]!.line);
      }
      if (!lastInspectedOn) continue;
      column = 'lastInspectedOn';
      const held =
        'id' in home &&
        (await tx.rentalInspection.findUnique({ where: { rentedHomeId_inspectedOn: { rentedHomeId: home.id, inspectedOn: lastInspectedOn } } }));
      if (held) continue;
      if (write) await recordInspection(tx, scope.actor, home as RentedHome, { inspectedOn: lastInspectedOn, note: '表格导入' }, scope.today);
      else letOn('/inspectedOn', lastInspectedOn, home, scope.today);
      out.lines.add(stating[0]!.line);
    } catch (e) {
      for (const row of stating) out.errors.push(refusal(scope, row.line, column, e));
    }
  }
}

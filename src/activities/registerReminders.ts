// The register sweep's page: for the officers of a page of the county's communities, one reminder
// each listing what the register owes in every community they serve that day. The notice id is
// the officer and the day, so a retried attempt or a second sweep of the same day publishes
// nothing again.
import { wallClock } from '../core/presenceMonth.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { boundOn } from '../db/bindings.js';
import type { Db } from '../db/client.js';
import { officesOn } from '../db/offices.js';
import { ruleSetInForce } from '../db/ruleSets.js';
import { registerReminderText, type NamedItem } from '../notices/registerReminderText.js';
import { backlogCounts, backlogItems, pagesOf, type BacklogItem } from '../register/backlog.js';
import { systemActor } from './actor.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';
import { publishOnce } from './publishOnce.js';

export const registerReminderNoticeId = (date: string, officerId: string) => `register-reminder/${date}/${officerId}`;

export interface RegisterSweepPage {
  countyId: string;
  /** The instant the sweep was meant for; its day in the bureau's time zone is the sweep's date. */
  at: string;
  /** Set after the first page. */
  date?: string;
  /** The last community of the pages done. */
  after?: string;
  limit: number;
}

/** The names the reminder shows: the key person's or resident's, or the rented home's building/door. */
async function subjectNames(db: Db, items: BacklogItem[]): Promise<(item: BacklogItem) => string> {
  const personIds = [...new Set(items.flatMap((i) => ('personId' in i ? [i.personId] : [])))];
  const doorIds = [...new Set(items.flatMap((i) => (i.kind === 'inspection-due' ? [i.doorId] : [])))];
  const [persons, doors] = await Promise.all([
    db.registerPerson.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
    db.registerDoor.findMany({ where: { id: { in: doorIds } }, select: { id: true, number: true, buildingId: true } }),
  ]);
  const buildings = await db.registerBuilding.findMany({ where: { id: { in: doors.map((d) => d.buildingId) } }, select: { id: true, number: true } });
  const person = new Map(persons.map((p) => [p.id, p.name]));
  const building = new Map(buildings.map((b) => [b.id, b.number]));
  const door = new Map(doors.map((d) => [d.id, `${building.get(d.buildingId) ?? d.buildingId}/${d.number}`]));
  return (i) => ('personId' in i ? (person.get(i.personId) ?? i.personId) : (door.get(i.doorId) ?? i.doorId));
}

export function registerReminderActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /**
     * Reminds the officers of up to `limit` of the county's communities (those with an officer
     * bound on the sweep's date, in id order after `after`); returns the sweep's date, the day's
     * reminders of these officers (published now or before) and, when more remain, where the next
     * page starts.
     */
    async remindRegister({ countyId, at, date: given, after, limit }: RegisterSweepPage): Promise<{ date: string; notices: string[]; next?: string }> {
      const date = given ?? wallClock(at, deps.timeZone ?? defaultTimeZone).day;
      const remaining = (await officesOn(db, date, countyId)).filter((o) => after === undefined || o.id > after);
      const page = remaining.slice(0, limit);
      const next = remaining.length > limit ? page.at(-1)!.id : undefined;
      const onPage = [...new Set(page.flatMap((o) => o.officers))].sort();
      const served = await db.binding.findMany({
        where: { countyId, subjectType: 'officer', subjectId: { in: onPage }, ...boundOn(date) },
        select: { subjectId: true, communityId: true },
        orderBy: { communityId: 'asc' },
      });
      // An officer belongs to the page of the first community they serve, so an officer of two
      // communities is reminded once, of both, and a retried page answers the same officers.
      const pageIds = new Set(page.map((o) => o.id));
      const officers = onPage.filter((o) => pageIds.has(served.find((b) => b.subjectId === o)!.communityId));
      const communityIds = [...new Set(served.filter((b) => officers.includes(b.subjectId)).map((b) => b.communityId))];
      const { ruleSet } = await ruleSetInForce(db, countyId, date);
      const items: BacklogItem[] = [];
      for (const ids of pagesOf(communityIds)) items.push(...(await backlogItems(db, ids, date, ruleSet.register)));
      const [nameOf, subjectOf] = await Promise.all([nameLookup(db, countyId), subjectNames(db, items)]);
      const named = items.map((i): NamedItem => ({ ...i, community: nameOf('community', i.communityId), subject: subjectOf(i) }));

      const actor = systemActor(countyId, 'registerSweep');
      const notices: string[] = [];
      for (const officerId of officers) {
        const theirs = new Set(served.filter((b) => b.subjectId === officerId).map((b) => b.communityId));
        const mine = named.filter((i) => theirs.has(i.communityId));
        if (mine.length === 0) continue;
        const id = registerReminderNoticeId(date, officerId);
        const counts = Object.fromEntries(backlogCounts([...theirs].sort(), mine));
        const facts = { date, counts, items: mine.map(({ community: _c, subject: _s, ...item }) => item) };
        // Published once: a retried attempt or a second sweep of the day finds it and writes nothing.
        await publishOnce(deps, actor, {
          id,
          countyId,
          kind: 'register-reminder',
          about: officerId,
          recipients: [{ type: 'officer', id: officerId }],
          facts,
          ...registerReminderText(nameOf('officer', officerId), date, mine),
        });
        notices.push(id);
      }
      return { date, notices, next };
    },
  };
}

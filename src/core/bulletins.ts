// The weekly bulletins of each community: the police situation (警情公告, incidents that occurred
// in the week, by category) and the cases solved (破案公告, incidents solved in the week).
import { addDays, isIsoDate } from './calendar.js';
import { dayMs } from './time.js';

export interface BulletinIncident {
  id: number;
  communityId: string;
  occurredOn: string;
  category: string;
  summary: string;
  solvedOn?: string | null;
}

export interface Week {
  start: string;
  end: string;
}

export interface CommunityBulletins {
  communityId: string;
  week: Week;
  situation: { total: number; byCategory: Record<string, number> };
  solved: { id: number; occurredOn: string; solvedOn: string; category: string; summary: string }[];
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The Monday-to-Sunday week that contains `date`. */
export function weekOf(date: string): Week {
  if (!isIsoDate(date)) throw new RangeError(`expected YYYY-MM-DD, got "${date}"`);
  const start = addDays(date, -((weekday(date) + 6) % 7));
  return { start, end: addDays(start, 6) };
}

/**
 * The week just ended when a weekly Schedule fires at a Monday morning local time: one day
 * earlier is a Sunday in every zone (offsets < 24 h, firing hour well after midnight).
 */
export function weekJustEnded(instantIso: string): Week {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) throw new RangeError(`expected an ISO 8601 instant, got "${instantIso}"`);
  return weekOf(new Date(ms - dayMs).toISOString().slice(0, 10));
}

/**
 * Both bulletins of each of `communities`, in the order given. A quiet week is still published (a
 * bulletin of nothing tells residents something), and incidents of other communities are left out.
 */
export function compileBulletins(week: Week, communities: readonly string[], incidents: readonly BulletinIncident[]): CommunityBulletins[] {
  const within = (d: string | null | undefined) => !!d && d >= week.start && d <= week.end;
  const byCommunity = new Map(
    communities.map((communityId): [string, CommunityBulletins] => [communityId, { communityId, week, situation: { total: 0, byCategory: {} }, solved: [] }]),
  );
  for (const i of [...incidents].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.id - b.id)) {
    const b = byCommunity.get(i.communityId);
    if (!b) continue;
    if (within(i.occurredOn)) {
      b.situation.total += 1;
      b.situation.byCategory[i.category] = (b.situation.byCategory[i.category] ?? 0) + 1;
    }
    if (within(i.solvedOn)) b.solved.push({ id: i.id, occurredOn: i.occurredOn, solvedOn: i.solvedOn!, category: i.category, summary: i.summary });
  }
  return [...byCommunity.values()];
}

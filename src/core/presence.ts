import { monthOf, monthsOfYear } from './calendar.js';
import type { NoticeDraft, PresenceJudgement, Visit } from './types.js';

/**
 * Each liaison leader must work in the community on at least `minDays` distinct days every month
 * (the report: two). Every leader × month of the year is judged, so a month without any visit
 * shows up as 0 days rather than being absent. Visits by unlisted leaders or in other years are
 * ignored.
 */
export function judgePresence(year: number, leaders: readonly string[], visits: readonly Visit[], minDays = 2): PresenceJudgement[] {
  const days = new Map<string, Set<string>>();
  for (const { leader, date } of visits) {
    const key = `${leader}|${monthOf(date)}`;
    let set = days.get(key);
    if (!set) days.set(key, (set = new Set()));
    set.add(date);
  }
  const months = monthsOfYear(year);
  return leaders.flatMap((leader) =>
    months.map((month) => {
      const count = days.get(`${leader}|${month}`)?.size ?? 0;
      return { leader, month, days: count, compliant: count >= minDays };
    }),
  );
}

/** One presence-violation notice to the leader for each non-compliant month. */
export function presenceNotices(judgements: readonly PresenceJudgement[], minDays = 2): NoticeDraft[] {
  return judgements
    .filter((j) => !j.compliant)
    .map((j) => ({
      kind: 'presence-violation',
      about: j.leader,
      recipients: [{ type: 'leader', id: j.leader }],
      facts: { month: j.month, days: j.days, required: minDays },
    }));
}

// Compiles the week's bulletins of every community and publishes each once, under its natural
// key, so a retried activity or a second run for the same week writes nothing again.
import { bureauHead } from '../core/recipients.js';
import { compileBulletins, type Week } from '../core/bulletins.js';
import type { NoticeKind, Recipient } from '../core/types.js';
import { officesOn } from '../db/offices.js';
import { caseSolvedText, policeSituationText } from '../notices/bulletinText.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';
import { publishOnce } from './publishOnce.js';
import { systemActor } from './actor.js';
import { legacyCountyId } from '../db/cycles.js';

export const bulletinNoticeId = (week: Week, kind: NoticeKind, communityId: string) => `bulletin/${week.start}/${kind}/${communityId}`;

export function bulletinActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /**
     * Publishes both bulletins of up to `limit` of the county's communities bound at the week's
     * end, in id order after `after`; returns their notice ids and, when more remain, where the
     * next page starts. A run from before counties publishes the first county's.
     */
    async publishBulletins({
      week,
      after,
      limit,
      countyId = legacyCountyId,
    }: {
      week: Week;
      after?: string;
      limit: number;
      countyId?: string;
    }): Promise<{ notices: string[]; next?: string }> {
      const actor = systemActor(countyId, 'weeklyBulletins');
      const remaining = (await officesOn(db, week.end, countyId)).filter((o) => after === undefined || o.id > after);
      const offices = remaining.slice(0, limit);
      const incidents = await db.incident.findMany({
        where: {
          communityId: { in: offices.map((o) => o.id) },
          OR: [{ occurredOn: { gte: week.start, lte: week.end } }, { solvedOn: { gte: week.start, lte: week.end } }],
        },
      });
      const bulletins = new Map(
        compileBulletins(
          week,
          offices.map((o) => o.id),
          incidents,
        ).map((b) => [b.communityId, b]),
      );
      const nameOf = await nameLookup(db, countyId);
      const ids: string[] = [];
      for (const o of offices) {
        const b = bulletins.get(o.id)!;
        const recipients: Recipient[] = [
          ...o.officers.map((id): Recipient => ({ type: 'officer', id })),
          ...(o.leader ? [{ type: 'leader', id: o.leader } as const] : []),
          ...(o.department ? [{ type: 'department', id: o.department } as const] : []),
          bureauHead,
        ];
        const community = nameOf('community', o.id);
        const facts = { week, communityId: o.id, situation: b.situation, solved: b.solved };
        for (const [kind, text] of [
          ['police-situation-bulletin', policeSituationText],
          ['case-solved-bulletin', caseSolvedText],
        ] as const) {
          const id = bulletinNoticeId(week, kind, o.id);
          await publishOnce(deps, actor, { id, kind, countyId, about: o.id, recipients, facts, ...text(community, b) });
          ids.push(id);
        }
      }
      return { notices: ids, next: remaining.length > limit ? offices.at(-1)!.id : undefined };
    },
  };
}

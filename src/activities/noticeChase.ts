// The activities of jointNoticeAcknowledgement. Each reminder and the escalation is a notice
// of its own under a natural key, so a retried activity publishes it once.
import { bureauHead } from '../core/recipients.js';
import { PermanentFailure } from '../core/failures.js';
import type { NoticeKind, Recipient } from '../core/types.js';
import type { Db } from '../db/client.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { escalationText, reminderText, type ChasedNotice } from '../notices/chaseText.js';
import type { RenderedNotice } from '../notices/render.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';
import { publishOnce } from './publishOnce.js';
import { systemActor } from './actor.js';

/** Who is still pending after a step, and the notice the step published, if any. */
export interface ChaseStep {
  pending: Recipient[];
  published?: string;
}

export function noticeChaseActivities({ db, notifier, timeZone = defaultTimeZone }: ActivityDeps) {
  const publish = (
    id: string,
    kind: NoticeKind,
    chased: ChasedNotice & { cycleId: string | null; countyId: string },
    recipients: Recipient[],
    text: RenderedNotice,
    facts: Record<string, unknown>,
  ) =>
    publishOnce({ db, notifier }, systemActor(chased.countyId, 'jointNoticeAcknowledgement'), {
      id,
      kind,
      countyId: chased.countyId,
      cycleId: chased.cycleId ?? undefined,
      about: chased.id,
      recipients,
      facts,
      ...text,
    });

  return {
    async unacknowledgedRecipients({ noticeId }: { noticeId: string }): Promise<Recipient[]> {
      await chasedNotice(db, noticeId);
      return pendingOf(db, noticeId);
    },

    /** Reminds whoever has not acknowledged yet; returns them and the reminder's id, if one was due. */
    async remindRecipients({ noticeId, round }: { noticeId: string; round: number }): Promise<ChaseStep> {
      const notice = await chasedNotice(db, noticeId);
      const pending = await pendingOf(db, noticeId);
      if (pending.length === 0) return { pending };
      const published = `${noticeId}/reminder/${round}`;
      await publish(published, 'notice-reminder', notice, pending, reminderText(notice, round, timeZone), { noticeId, round });
      return { pending, published };
    },

    /** Tells the bureau head who has still not acknowledged; returns them and the escalation's id. */
    async escalateNotice({ noticeId, afterDays }: { noticeId: string; afterDays: number }): Promise<ChaseStep> {
      const notice = await chasedNotice(db, noticeId);
      const pending = await pendingOf(db, noticeId);
      if (pending.length === 0) return { pending };
      const published = `${noticeId}/escalation`;
      const text = escalationText(notice, afterDays, pending, await nameLookup(db, notice.countyId));
      await publish(published, 'notice-escalation', notice, [bureauHead], text, { noticeId, afterDays, unacknowledged: pending });
      return { pending, published };
    },
  };
}

async function chasedNotice(db: Db, noticeId: string) {
  const notice = await db.notice.findUnique({ where: { id: noticeId }, select: { id: true, titleZh: true, createdAt: true, cycleId: true, countyId: true } });
  if (!notice) throw new PermanentFailure('UnknownNotice', `notice ${noticeId} does not exist`);
  return notice;
}

async function pendingOf(db: Db, noticeId: string): Promise<Recipient[]> {
  const rows = await db.noticeRecipient.findMany({
    // A withdrawn notice (its sanction fell away on appeal) has nobody left to chase.
    where: { noticeId, acknowledgedAt: null, notice: { withdrawnAt: null } },
    orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }],
  });
  return rows.map((r) => ({ type: r.recipientType as Recipient['type'], id: r.recipientId }));
}

// The activities of jointNoticeAcknowledgement. Each reminder and the escalation is a notice
// of its own under a natural key, so a retried activity publishes it once.
import { ApplicationFailure } from '@temporalio/activity';
import type { NoticeKind, Recipient } from '../core/types.js';
import { audited } from '../db/audit.js';
import type { Db } from '../db/client.js';
import { escalationText, reminderText, type ChasedNotice } from '../notices/chaseText.js';
import type { RenderedNotice } from '../notices/render.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';

const actor = 'system:jointNoticeAcknowledgement';
/** Who an escalation goes to. */
export const bureauHead: Recipient = { type: 'bureau', id: 'head' };

export function noticeChaseActivities({ db, notifier }: ActivityDeps) {
  async function publishOnce(id: string, kind: NoticeKind, chased: ChasedNotice & { cycleId: string | null }, recipients: Recipient[], text: RenderedNotice, facts: Record<string, unknown>) {
    await db.$transaction(async (tx) => {
      if (await tx.notice.findUnique({ where: { id } })) return;
      await notifier.publish(tx, { id, kind, cycleId: chased.cycleId ?? undefined, about: chased.id, recipients, facts, ...text });
      await audited(tx, actor, { action: 'create', entity: 'Notice', entityId: id, after: { kind, recipients, facts } });
    });
  }

  return {
    async unacknowledgedRecipients({ noticeId }: { noticeId: string }): Promise<Recipient[]> {
      await chasedNotice(db, noticeId);
      return pendingOf(db, noticeId);
    },

    /** Reminds whoever has not acknowledged yet and returns them. */
    async remindRecipients({ noticeId, round }: { noticeId: string; round: number }): Promise<Recipient[]> {
      const notice = await chasedNotice(db, noticeId);
      const pending = await pendingOf(db, noticeId);
      if (pending.length > 0) {
        await publishOnce(`${noticeId}/reminder/${round}`, 'notice-reminder', notice, pending, reminderText(notice, round), { noticeId, round });
      }
      return pending;
    },

    /** Tells the bureau head who has still not acknowledged; returns them. */
    async escalateNotice({ noticeId, afterDays }: { noticeId: string; afterDays: number }): Promise<Recipient[]> {
      const notice = await chasedNotice(db, noticeId);
      const pending = await pendingOf(db, noticeId);
      if (pending.length > 0) {
        const text = escalationText(notice, afterDays, pending, await nameLookup(db));
        await publishOnce(`${noticeId}/escalation`, 'notice-escalation', notice, [bureauHead], text, { noticeId, afterDays, unacknowledged: pending });
      }
      return pending;
    },
  };
}

async function chasedNotice(db: Db, noticeId: string) {
  const notice = await db.notice.findUnique({ where: { id: noticeId }, select: { id: true, titleZh: true, createdAt: true, cycleId: true } });
  if (!notice) throw ApplicationFailure.create({ type: 'UnknownNotice', message: `notice ${noticeId} does not exist`, nonRetryable: true });
  return notice;
}

async function pendingOf(db: Db, noticeId: string): Promise<Recipient[]> {
  const rows = await db.noticeRecipient.findMany({
    where: { noticeId, acknowledgedAt: null },
    orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }],
  });
  return rows.map((r) => ({ type: r.recipientType as Recipient['type'], id: r.recipientId }));
}

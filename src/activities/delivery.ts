// Delivers a stored notice through one configured channel. Kept out of the transaction that
// published it: a receiver that is down is retried by the activity retry policy.
import { ApplicationFailure } from '@temporalio/activity';
import { DeliveryRejectedError, type DeliverableNotice } from '../notices/channels.js';
import type { ActivityDeps } from './deps.js';

export function deliveryActivities({ db, channels = [] }: ActivityDeps) {
  return {
    async noticeChannels(): Promise<string[]> {
      return channels.map((c) => c.name);
    },

    async deliverNotice({ noticeId, channel }: { noticeId: string; channel: string }): Promise<void> {
      const target = channels.find((c) => c.name === channel);
      if (!target) throw ApplicationFailure.create({ type: 'UnknownChannel', message: `no delivery channel ${channel} is configured`, nonRetryable: true });
      const row = await db.notice.findUnique({ where: { id: noticeId }, include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } } });
      if (!row) throw ApplicationFailure.create({ type: 'UnknownNotice', message: `notice ${noticeId} does not exist`, nonRetryable: true });
      const notice: DeliverableNotice = {
        id: row.id, kind: row.kind, about: row.about, titleZh: row.titleZh, bodyZh: row.bodyZh, bodyEn: row.bodyEn,
        createdAt: row.createdAt.toISOString(), recipients: row.recipients.map((r) => ({ type: r.recipientType, id: r.recipientId })),
      };
      try {
        await target.deliver(notice);
      } catch (err) {
        if (err instanceof DeliveryRejectedError) throw ApplicationFailure.create({ type: 'DeliveryRejected', message: err.message, nonRetryable: true });
        throw err;
      }
    },
  };
}

// Delivers a stored notice through one configured channel. Kept out of the transaction that
// published it: a receiver that is down is retried by the activity retry policy.
import { PermanentFailure } from '../core/failures.js';
import { DeliveryRejectedError, type DeliverableNotice } from '../notices/channels.js';
import type { ActivityDeps } from './deps.js';

/** The registry's addresses of a notice's officers, leaders and departments, by `type:id`. */
async function addressesOf(db: ActivityDeps['db'], recipients: { recipientType: string; recipientId: string }[]): Promise<Map<string, string>> {
  const withAddress = (type: string) => ({
    where: { id: { in: recipients.filter((r) => r.recipientType === type).map((r) => r.recipientId) }, email: { not: null } },
    select: { id: true, email: true },
  });
  const [officers, leaders, departments] = await Promise.all([
    db.officer.findMany(withAddress('officer')),
    db.leader.findMany(withAddress('leader')),
    db.department.findMany(withAddress('department')),
  ]);
  const byType = { officer: officers, leader: leaders, department: departments };
  return new Map(Object.entries(byType).flatMap(([type, rows]) => rows.map((r) => [`${type}:${r.id}`, r.email!] as const)));
}

export function deliveryActivities({ db, channels = [] }: ActivityDeps) {
  return {
    async noticeChannels(): Promise<string[]> {
      return channels.map((c) => c.name);
    },

    async deliverNotice({ noticeId, channel }: { noticeId: string; channel: string }): Promise<void> {
      const target = channels.find((c) => c.name === channel);
      if (!target) throw new PermanentFailure('UnknownChannel', `no delivery channel ${channel} is configured`);
      const row = await db.notice.findUnique({
        where: { id: noticeId },
        include: { recipients: { orderBy: [{ recipientType: 'asc' }, { recipientId: 'asc' }] } },
      });
      if (!row) throw new PermanentFailure('UnknownNotice', `notice ${noticeId} does not exist`);
      const addresses = await addressesOf(db, row.recipients);
      const notice: DeliverableNotice = {
        id: row.id,
        kind: row.kind,
        about: row.about,
        titleZh: row.titleZh,
        bodyZh: row.bodyZh,
        bodyEn: row.bodyEn,
        createdAt: row.createdAt.toISOString(),
        recipients: row.recipients.map((r) => {
          const email = addresses.get(`${r.recipientType}:${r.recipientId}`);
          return { type: r.recipientType, id: r.recipientId, ...(email ? { email } : {}) };
        }),
      };
      try {
        await target.deliver(notice);
      } catch (err) {
        if (err instanceof DeliveryRejectedError) throw new PermanentFailure('DeliveryRejected', err.message);
        throw err;
      }
    },
  };
}

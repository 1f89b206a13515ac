// Publishes a notice under its natural key with an audit row, once: a retried activity finds
// the notice already there and writes nothing.
import { audited, type AuditActor } from '../db/audit.js';
import type { ActivityDeps } from './deps.js';
import type { OutgoingNotice } from '../notices/notifier.js';

export async function publishOnce({ db, notifier }: Pick<ActivityDeps, 'db' | 'notifier'>, actor: AuditActor | string, notice: OutgoingNotice): Promise<void> {
  await db.$transaction(async (tx) => {
    if (await tx.notice.findUnique({ where: { id: notice.id } })) return;
    await notifier.publish(tx, notice);
    await audited(tx, actor, {
      action: 'create',
      entity: 'Notice',
      entityId: notice.id,
      after: { kind: notice.kind, recipients: notice.recipients, facts: notice.facts },
    });
  });
}

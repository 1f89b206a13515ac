// How notices leave the system. The in-app inbox is the notice rows themselves, written in
// the same transaction as the decisions behind them, so a retried activity writes them once.
import type { Tx } from '../db/audit.js';
import type { Recipient, NoticeKind } from '../core/types.js';
import type { RenderedNotice } from './render.js';

export type { Tx };

export interface OutgoingNotice extends RenderedNotice {
  /** Natural key, e.g. quarterly-2026-Q1/joint-notice/c07. */
  id: string;
  kind: NoticeKind;
  /** The county whose people it concerns; the bureau head of that county reads `bureau:head`. */
  countyId: string;
  cycleId?: string;
  about?: string;
  recipients: Recipient[];
  facts: Record<string, unknown>;
}

export interface Notifier {
  publish(tx: Tx, notice: OutgoingNotice): Promise<void>;
}

export function createInboxNotifier(): Notifier {
  return {
    async publish(tx, n) {
      const { recipients, ...fields } = n;
      await tx.notice.upsert({ where: { id: n.id }, create: { ...fields, facts: n.facts as object }, update: {} });
      for (const r of recipients) {
        await tx.noticeRecipient.upsert({
          where: { noticeId_recipientType_recipientId: { noticeId: n.id, recipientType: r.type, recipientId: r.id } },
          create: { noticeId: n.id, recipientType: r.type, recipientId: r.id },
          update: {},
        });
      }
    },
  };
}

// The payment follow-up notices: their Chinese and English text, and publishing them.
import type { NoticeKind, Recipient } from '../core/types.js';
import type { Notifier, Tx } from './notifier.js';
import { dayEn, dayZh } from './dates.js';
import type { RenderedNotice } from './render.js';

export interface PaymentNoticeFacts {
  obligation: string;
  due: string;
  amount: number;
  paid: number;
  [more: string]: unknown;
}

const yuan = (n: number) => n.toFixed(2);

/** The notices about a payment obligation; each has its own text below. */
export type PaymentNoticeKind = Extract<NoticeKind, `payment-${string}`>;

export function paymentNoticeText(kind: PaymentNoticeKind, f: PaymentNoticeFacts): RenderedNotice {
  const head = `${f.obligation}（应付${yuan(f.amount)}元，已付${yuan(f.paid)}元，到期日${dayZh(f.due)}）`;
  const headEn = `${f.obligation} (owed ${yuan(f.amount)} yuan, paid ${yuan(f.paid)}, due ${dayEn(f.due)})`;
  switch (kind) {
    case 'payment-reminder':
      return {
        titleZh: `待付款提醒：${f.obligation}`,
        bodyZh: `${head}即将到期，请财务按时支付。`,
        bodyEn: `${headEn} falls due soon; finance, please pay on time.`,
      };
    case 'payment-overdue':
      return {
        titleZh: `逾期未付：${f.obligation}`,
        bodyZh: `截至${dayZh(String(f.asOf))}，${head}逾期未足额支付。请财务立即支付，局领导督办。`,
        bodyEn: `As of ${dayEn(String(f.asOf))}, ${headEn} is overdue and not paid in full. Finance must pay now; the bureau head is informed.`,
      };
    case 'payment-recorded':
      return {
        titleZh: `付款已登记：${f.obligation}`,
        bodyZh: `财务已登记付款${yuan(Number(f.payment))}元（凭证号${String(f.reference)}），${head}。请确认收款，如有异议请提出。`,
        bodyEn: `Finance recorded a payment of ${yuan(Number(f.payment))} yuan (reference ${String(f.reference)}) for ${headEn}. Please confirm receipt or raise a dispute.`,
      };
    case 'payment-disputed':
      return {
        titleZh: `收款异议：${f.obligation}`,
        bodyZh: `收款人对${head}提出异议（${f.reason === 'not-received' ? '未收到' : '金额不符'}）：${String(f.note)}`,
        bodyEn: `The payee disputes ${headEn} (${String(f.reason)}): ${String(f.note)}`,
      };
    case 'payment-corrected':
      return {
        titleZh: `付款事项更正：${f.obligation}`,
        bodyZh: `${head}已${f.action === 'cancel' ? '撤销' : `更正为${yuan(Number(f.newAmount))}元`}。理由：${String(f.reason)}`,
        bodyEn: `${headEn} was ${f.action === 'cancel' ? 'cancelled' : `changed to ${yuan(Number(f.newAmount))} yuan`}. Reason: ${String(f.reason)}`,
      };
  }
}

/** Renders and publishes one payment notice under its natural key, inside the caller's transaction. */
export async function publishPaymentNotice(
  tx: Tx,
  notifier: Notifier,
  n: { id: string; kind: PaymentNoticeKind; countyId: string; recipients: Recipient[]; facts: PaymentNoticeFacts },
): Promise<void> {
  await notifier.publish(tx, { ...n, about: n.facts.obligation, ...paymentNoticeText(n.kind, n.facts) });
}

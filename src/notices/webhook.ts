// Webhook channel: the notice as JSON, signed with HMAC-SHA256 over the exact body bytes.
import { createHmac } from 'node:crypto';
import { DeliveryRejectedError, type DeliveryChannel } from './channels.js';

export const signatureHeader = 'X-Signature-256';
export const noticeIdHeader = 'X-Notice-Id';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** 4xx means the receiver will never take this notice, except timeouts and rate limits. */
const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

export function createWebhookChannel({ url, secret, timeoutMs = 10_000 }: { url: string; secret: string; timeoutMs?: number }): DeliveryChannel {
  return {
    name: 'webhook',
    async deliver(notice) {
      const body = JSON.stringify(notice);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [noticeIdHeader]: notice.id, [signatureHeader]: signBody(secret, body) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.ok) return;
      const reason = `POST ${url} answered ${res.status} for notice ${notice.id}`;
      if (retryable(res.status)) throw new Error(reason);
      throw new DeliveryRejectedError('webhook', reason);
    },
  };
}

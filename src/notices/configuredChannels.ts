// The delivery channels the configuration asks for.
import type { Config } from '../config.js';
import type { DeliveryChannel } from './channels.js';
import { createEmailChannel } from './email.js';
import { createWebhookChannel } from './webhook.js';

export function channelsOf({ webhook, email }: Config['channels']): DeliveryChannel[] {
  return [...(webhook ? [createWebhookChannel(webhook)] : []), ...(email ? [createEmailChannel(email)] : [])];
}

import type { Db } from '../db/client.js';
import type { Notifier } from '../notices/notifier.js';
import type { DeliveryChannel } from '../notices/channels.js';

/** Everything the activities touch outside themselves, built once by worker.ts. */
export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
  clock: () => Date;
  /** Channels beyond the inbox (webhook, email); none when not configured. */
  channels?: DeliveryChannel[];
  /** The bureau's TIME_ZONE, where periods end; Asia/Shanghai when not given. */
  timeZone?: string;
}

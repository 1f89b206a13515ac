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
  /** The bureau's time zone (configuration TIME_ZONE): periods end and notices show instants in it; absent, defaultTimeZone. */
  timeZone?: string;
  /** Tells Temporal the attempt is alive (Context.current().heartbeat() on a worker); tests leave it out. */
  heartbeat?: () => void;
}

import type { Db } from '../db/client.js';
import type { Notifier } from '../notices/notifier.js';

/** Everything the activities touch outside themselves, built once by worker.ts. */
export interface ActivityDeps {
  db: Db;
  notifier: Notifier;
  clock: () => Date;
}

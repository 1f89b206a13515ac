// Channels beyond the in-app inbox. A notice is published in the database first; delivery runs
// afterwards in an activity per channel, so a failing receiver is retried on its own and never
// holds up or rolls back the decision behind the notice.

/** What leaves the system: the notice id doubles as the receiver's de-duplication key. */
export interface DeliverableNotice {
  id: string;
  kind: string;
  about: string | null;
  titleZh: string;
  bodyZh: string;
  bodyEn: string;
  createdAt: string;
  /** `email` when the registry has an address for that officer, leader or department. */
  recipients: { type: string; id: string; email?: string }[];
}

export interface DeliveryChannel {
  name: string;
  deliver(notice: DeliverableNotice): Promise<void>;
}

/** The receiver refused the notice for good (e.g. 400, 403): retrying cannot help. */
export class DeliveryRejectedError extends Error {
  constructor(
    readonly channel: string,
    message: string,
  ) {
    super(`${channel}: ${message}`);
    this.name = 'DeliveryRejectedError';
  }
}

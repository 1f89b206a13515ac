// A joint notice as the quarterly cycle publishes it, for tests of what happens after.
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import type { Recipient } from '../../src/core/types.js';

export const jointRecipients: Recipient[] = [
  { type: 'officer', id: 'O01' },
  { type: 'leader', id: 'L01' },
  { type: 'department', id: 'D01' },
];

/** `countyId`: the county of the notice; by default that of community c01 (the test county when there is none). */
export async function publishJointNotice(db: Db, id: string, recipients: Recipient[] = jointRecipients, countyId?: string): Promise<void> {
  const county = countyId ?? (await db.community.findUnique({ where: { id: 'c01' } }))?.countyId ?? 'test-county';
  await db.$transaction((tx) =>
    createInboxNotifier().publish(tx, {
      id,
      countyId: county,
      kind: 'joint-notice',
      cycleId: id.split('/')[0],
      about: 'c01',
      recipients,
      facts: {},
      titleZh: '关于小江口小区警务室考评排名末位的通报',
      bodyZh: '通报正文',
      bodyEn: 'notice body',
    }),
  );
}

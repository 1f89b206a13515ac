// A joint notice as the quarterly cycle publishes it, for tests of what happens after.
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import type { Recipient } from '../../src/core/types.js';
import { testCounty } from './users.js';

export const jointRecipients: Recipient[] = [
  { type: 'officer', id: 'O01' },
  { type: 'leader', id: 'L01' },
  { type: 'department', id: 'D01' },
];

export async function publishJointNotice(db: Db, id: string, recipients: Recipient[] = jointRecipients, countyId = testCounty): Promise<void> {
  await db.$transaction((tx) =>
    createInboxNotifier().publish(tx, {
      id,
      kind: 'joint-notice',
      countyId,
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

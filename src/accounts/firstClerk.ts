// The first person into the console of a freshly seeded county: a bureau clerk invited by the
// seed, whose one-time code `npm start` prints once. The console's sign-in page takes passwords
// only; the bootstrap token stays for scripts and curl.
import type { Db } from '../db/client.js';
import { inviteUser, type Invitation } from './invitations.js';

export const firstClerk = { id: 'admin', displayName: '局机关管理员', role: 'bureau-staff' as const };

/** Invites the county's first clerk unless a user of that id exists already; the invitation, or undefined. */
export async function inviteFirstClerk(db: Db, countyId: string, at: Date): Promise<Invitation | undefined> {
  if (await db.user.findUnique({ where: { id: firstClerk.id } })) return undefined;
  const { invitation } = await db.$transaction((tx) => inviteUser(tx, { ...firstClerk, countyId }, at, 'system:seed'));
  return invitation;
}

// Whose register the caller reads: the communities GET /register/backlog answers them (the same
// reach every register route applies), asked only of a role that may read registers at all, so a
// link into a register shows only where following it would not answer 403 or 404.
import { register } from '../../api/register';
import { useSession } from '../../app/session';
import { useLoad } from '../../lib/useLoad';

/** Answers whether the caller reaches the register of a community; false until known. */
export function useRegisterReach(): (communityId: string) => boolean {
  const session = useSession();
  const reads = session.can('getRegisterDerivation');
  const reach = useLoad(async () => (reads ? new Set((await register.backlog()).items.map((c) => c.communityId)) : new Set<string>()), [reads]);
  return (communityId) => reach.data?.has(communityId) ?? false;
}

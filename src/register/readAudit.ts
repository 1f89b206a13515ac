// Every read of personal data in the register leaves one AuditEntry naming the reader (action
// `read`): a record's under its own entity and id, a community's list under entity `Register` and
// the community's id — as its export is — with the ids of what the list showed. One row a request
// however long the list, so a list costs one insert. Written only once the read has succeeded: a
// refused or failed request showed nothing.
import { audited, type AuditActor, type Tx } from '../db/audit.js';

/** A read of one record; `reveal`: its ID number was shown in clear. */
export const auditedRecordRead = (db: Tx, actor: AuditActor, entity: string, id: string, reveal = false) =>
  audited(db, actor, { action: reveal ? 'reveal' : 'read', entity, entityId: id });

export type RegisterList = 'persons' | 'cards' | 'key-persons' | 'rented-homes' | 'derivation';

/** A read of community `communityId`'s `list`, with the ids it showed by kind (`persons`, `cards`, …). */
export async function auditedListRead(db: Tx, actor: AuditActor, communityId: string, list: RegisterList, shown: Record<string, Iterable<string>>) {
  const ids = Object.fromEntries(Object.entries(shown).map(([kind, of]) => [kind, [...new Set(of)]]));
  await audited(db, actor, { action: 'read', entity: 'Register', entityId: communityId, after: { list, ...ids } });
}

// The worked example of src/core/registerRates.ts and docs/register.md as a snapshot, and a way to
// keep any snapshot as a community's register rows, so the cycle and the API derive from the same
// records the pure functions are checked on by hand.
import type { RegisterSnapshot } from '../../src/core/registerRates.js';
import type { Db } from '../../src/db/client.js';
import { addRuleSetVersion, ensureDefaultRuleSet } from '../../src/db/ruleSets.js';
import { loadDefaultRuleSet, parseRuleSet, type RuleSet } from '../../src/rules/ruleSet.js';

const residence = (personId: string, name: string, card: string, cls: RegisterSnapshot['residences'][number]['class']) => ({
  personId,
  name,
  cardId: `card-${card}`,
  cardNumber: card,
  class: cls,
  fromDate: '2025-01-01',
});
const fullGroup = [
  { role: 'officer' as const, fromDate: '2026-01-01' },
  { role: 'security-cadre' as const, fromDate: '2026-01-01' },
  { role: 'parent' as const, fromDate: '2026-01-01' },
];

/** On 2026-12-31 with talks due every 30 days: registration 3 ÷ 5 = 0.6, key persons 1 ÷ 3 = 0.3333. */
export const workedExample: RegisterSnapshot = {
  residences: [
    residence('p-zhangwei', '张伟', '0101', 'present-registered'),
    residence('p-lina', '李娜', '0101', 'present-registered'),
    residence('p-wangqiang', '王强', '0101', 'registered-away'),
    residence('p-zhaomin', '赵敏', '0102', 'temporary'),
    residence('p-sunli', '孙丽', '0102', 'temporary'),
    residence('p-zhoujie', '周杰', '0103', 'present-unregistered'),
  ],
  permits: [
    { personId: 'p-zhaomin', registeredOn: '2026-03-01', expiresOn: '2027-02-28' },
    { personId: 'p-sunli', registeredOn: '2025-11-01', expiresOn: '2026-10-31' },
  ],
  keyPersons: [
    { listingId: 'k-wangqiang', personId: 'p-wangqiang', name: '王强', listedOn: '2026-02-01', helpGroup: fullGroup, talks: ['2026-11-02', '2026-12-10'] },
    { listingId: 'k-zhoujie', personId: 'p-zhoujie', name: '周杰', listedOn: '2026-02-01', helpGroup: fullGroup.slice(0, 2), talks: ['2026-12-20'] },
    { listingId: 'k-lina', personId: 'p-lina', name: '李娜', listedOn: '2026-02-01', helpGroup: fullGroup, talks: ['2026-11-20'] },
  ],
};

/**
 * Writes `snapshot` as the register of `communityId`: one building and door per card, ids
 * prefixed with the community's so several communities can hold the same example.
 */
export async function keepRegister(db: Db, countyId: string, communityId: string, snapshot: RegisterSnapshot): Promise<void> {
  const id = (x: string) => `${communityId}-${x}`;
  const cards = new Map(snapshot.residences.map((r) => [r.cardId, r.cardNumber]));
  for (const [cardId, number] of cards) {
    await db.registerBuilding.create({ data: { id: id(`b-${number}`), countyId, communityId, number } });
    await db.registerDoor.create({ data: { id: id(`d-${number}`), communityId, buildingId: id(`b-${number}`), number: '1' } });
    await db.householdCard.create({ data: { id: id(cardId), countyId, communityId, number, doorId: id(`d-${number}`) } });
  }
  const names = new Map([...snapshot.residences, ...snapshot.keyPersons].map((p) => [p.personId, p.name]));
  for (const [personId, name] of names)
    await db.registerPerson.create({
      data: { id: id(personId), countyId, name, idNumberHash: id(personId), idNumberCipher: 'test', idNumberTail: '0000' },
    });
  for (const r of snapshot.residences)
    await db.personResidence.create({
      data: {
        personId: id(r.personId),
        countyId,
        communityId,
        cardId: id(r.cardId),
        class: r.class,
        fromDate: r.fromDate,
        untilDate: r.untilDate ?? null,
        recordedBy: 'test',
      },
    });
  for (const p of snapshot.permits)
    await db.temporaryPermit.create({
      data: { personId: id(p.personId), communityId, registeredOn: p.registeredOn, expiresOn: p.expiresOn ?? null, recordedBy: 'test' },
    });
  for (const k of snapshot.keyPersons) {
    await db.keyPersonListing.create({
      data: {
        id: id(k.listingId),
        countyId,
        communityId,
        personId: id(k.personId),
        category: 'test',
        listedOn: k.listedOn,
        delistedOn: k.delistedOn ?? null,
        recordedBy: 'test',
      },
    });
    for (const m of k.helpGroup)
      await db.helpGroupMember.create({
        data: { listingId: id(k.listingId), role: m.role, name: m.role, fromDate: m.fromDate, untilDate: m.untilDate ?? null, recordedBy: 'test' },
      });
    for (const t of k.talks)
      await db.keyPersonTalk.create({ data: { listingId: id(k.listingId), talkedOn: t, byRole: 'officer', summary: 'test', recordedBy: 'test' } });
  }
}

/** The default rules with both register rates derived, as a bureau would switch them on. */
export function withDerivedRates(): RuleSet {
  const doc = structuredClone(loadDefaultRuleSet()) as Record<string, any>;
  doc.name = 'county-2026-derived-rates';
  doc.scoring.metrics.registration.derivation = 'registration';
  doc.scoring.metrics.keyPersonControl.derivation = 'keyPersonControl';
  return parseRuleSet(doc, 'withDerivedRates');
}

/** Puts those rules in force from `effectiveFrom`, as an activation through the API would. */
export async function activateDerivedRates(db: Db, effectiveFrom = '2026-01-01', countyId = 'county-1') {
  await ensureDefaultRuleSet(db, countyId);
  return db.$transaction((tx) =>
    addRuleSetVersion(tx, { countyId, ruleSet: withDerivedRates(), effectiveFrom, reason: 'derived register rates', author: 'test' }),
  );
}

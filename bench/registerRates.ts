// Deriving both register rates for a county at a period's end, as the cycle's activity does: the
// registers read a page of communities at a time, derived, and stored as the register's figures.
// Args: provider (sqlite or postgresql) communities persons keyPersons. Prints { seedMs, deriveMs,
// readMs, computeMs, peakRssMiB }.
import { createActivities } from '../src/activities/index.js';
import { deriveKeyPersonControl, deriveRegistration } from '../src/core/registerRates.js';
import { residenceClasses } from '../src/core/register.js';
import { createInboxNotifier } from '../src/notices/notifier.js';
import { registerSnapshots } from '../src/register/snapshot.js';
import { freshPostgres, freshSqlite } from '../test/support/db.js';
import { activateDerivedRates } from '../test/support/registerExample.js';

const provider = process.argv[2] ?? 'sqlite';
const [communities = 100, persons = 100_000, keyPersons = 2_000] = process.argv.slice(3).map(Number);
const countyId = 'county-1';
const period = '2026-Q4';
const date = '2026-12-31';
const { db, drop } = provider === 'postgresql' ? await freshPostgres('bench-register-rates') : await freshSqlite('bench-register-rates');

const seedStart = performance.now();
await db.county.create({ data: { id: countyId, name: 'bench' } });
const ids = Array.from({ length: communities }, (_, i) => `c${i}`);
await db.community.createMany({ data: ids.map((id) => ({ id, countyId, name: id, population: 10_000, complexity: 2 })) });
await db.binding.createMany({
  data: ids.map((communityId, i) => ({ countyId, communityId, subjectType: 'officer', subjectId: `o${i}`, effectiveFrom: '2026-01-01' })),
});
const version = await activateDerivedRates(db, '2026-01-01', countyId);
const chunk = async <T>(rows: T[], write: (rows: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 5_000) await write(rows.slice(i, i + 5_000));
};
const community = (n: number) => ids[n % communities]!;
await chunk(
  ids.map((c) => ({ id: `card-${c}`, countyId, communityId: c, number: '1', doorId: `door-${c}` })),
  (data) => db.householdCard.createMany({ data }),
);
const people = Array.from({ length: persons }, (_, n) => n);
await chunk(people, (ns) =>
  db.registerPerson.createMany({
    data: ns.map((n) => ({ id: `p${n}`, countyId, name: `居民${n}`, idNumberHash: `h${n}`, idNumberCipher: 'x', idNumberTail: '0000' })),
  }),
);
await chunk(people, (ns) =>
  db.personResidence.createMany({
    data: ns.map((n) => ({
      personId: `p${n}`,
      countyId,
      communityId: community(n),
      cardId: `card-${community(n)}`,
      class: residenceClasses[Math.floor(n / communities) % 4]!,
      fromDate: '2020-01-01',
      // One in ten moved away before the period's end: a closed residence the derivation skips.
      untilDate: n % 9 === 0 ? '2026-06-30' : null,
      recordedBy: 'bench',
    })),
  }),
);
await chunk(
  people.filter((n) => Math.floor(n / communities) % 4 === 3),
  (ns) =>
    db.temporaryPermit.createMany({
      data: ns.map((n) => ({
        personId: `p${n}`,
        communityId: community(n),
        registeredOn: '2026-01-10',
        expiresOn: n % 3 ? '2027-06-30' : '2026-11-30',
        recordedBy: 'bench',
      })),
    }),
);
const listed = Array.from({ length: keyPersons }, (_, k) => k);
await db.keyPersonListing.createMany({
  data: listed.map((k) => ({
    id: `k${k}`,
    countyId,
    communityId: community(k),
    personId: `p${k}`,
    category: 'bench',
    listedOn: '2026-01-01',
    recordedBy: 'bench',
  })),
});
await db.helpGroupMember.createMany({
  data: listed.flatMap((k) =>
    ['officer', 'security-cadre', 'parent']
      .slice(0, k % 7 ? 3 : 2)
      .map((role) => ({ listingId: `k${k}`, role, name: role, fromDate: '2026-01-01', recordedBy: 'bench' })),
  ),
});
await db.keyPersonTalk.createMany({
  data: listed.flatMap((k) =>
    ['2026-10-15', '2026-11-15', k % 5 ? '2026-12-15' : '2026-11-28'].map((talkedOn) => ({
      listingId: `k${k}`,
      talkedOn,
      byRole: 'officer',
      summary: 'bench',
      recordedBy: 'bench',
    })),
  ),
});
const cycleId = `quarterly-${period}-${countyId}`;
await db.cycle.create({ data: { id: cycleId, countyId, kind: 'quarterly', period, status: 'collecting', ruleSetVersionId: version.id } });
const seedMs = performance.now() - seedStart;

// The parts: reading every community's register, and deriving from what was read.
let t = performance.now();
const snapshots = await registerSnapshots(db, countyId, ids, date, 30);
const readMs = performance.now() - t;
t = performance.now();
for (const s of snapshots.values()) {
  deriveRegistration(s, date);
  deriveKeyPersonControl(s, date, 30);
}
const computeMs = performance.now() - t;

// The whole activity, pages and writes included.
const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2027-01-05T08:00:00Z') });
t = performance.now();
const result = await activities.deriveRegisterFigures({ cycleId });
const deriveMs = performance.now() - t;
if (result.derived !== communities * 2) throw new Error(`derived ${result.derived} figures, expected ${communities * 2}`);

await db.$disconnect();
await drop();
const round = (x: number) => Math.round(x);
console.log(
  JSON.stringify({
    seedMs: round(seedMs),
    deriveMs: round(deriveMs),
    readMs: round(readMs),
    computeMs: round(computeMs),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024),
  }),
);

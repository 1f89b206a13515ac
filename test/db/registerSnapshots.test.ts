// The registers as the cycle reads them (counts by class, only 暂住 one by one) against the same
// registers read person by person for the shortfall list, and against the pure derivation of the
// plain records a scenario would give: the same counts on SQLite and PostgreSQL, on the days around
// residences, listings and permits starting and ending. And the cycle's activity storing them:
// written once, left alone when nothing changed, updated or removed when the records did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { deriveKeyPersonControl, deriveRegistration, derivedCounts, type RegisterSnapshot } from '../../src/core/registerRates.js';
import { registerSnapshots } from '../../src/register/snapshot.js';
import { freshPostgres, freshSqlite, type TestDb } from '../support/db.js';
import { activateDerivedRates, keepRegister, workedExample } from '../support/registerExample.js';

const residence = (personId: string, cls: RegisterSnapshot['residences'][number]['class'], fromDate: string, untilDate?: string) => ({
  personId,
  name: personId,
  cardId: 'card-0201',
  cardNumber: '0201',
  class: cls,
  fromDate,
  untilDate,
});

/** Every edge of the rule: residences ending or starting on the day, permits from, until and without an expiry, two permits. */
const edges: RegisterSnapshot = {
  residences: [
    residence('a', 'present-registered', '2025-01-01', '2026-12-31'),
    residence('a', 'present-unregistered', '2026-12-31'),
    residence('b', 'temporary', '2027-01-01'),
    residence('c', 'temporary', '2026-01-01'),
    residence('d', 'temporary', '2026-01-01'),
    residence('e', 'temporary', '2026-01-01'),
    residence('f', 'temporary', '2026-01-01'),
    residence('g', 'registered-away', '2025-01-01', '2026-06-30'),
    residence('g', 'registered-away', '2026-06-30'),
    residence('h', 'present-registered', '2026-12-31'),
    residence('i', 'temporary', '2026-01-01', '2026-12-31'),
  ],
  permits: [
    { personId: 'b', registeredOn: '2026-12-01', expiresOn: '2027-12-01' },
    { personId: 'c', registeredOn: '2027-01-01', expiresOn: '2028-01-01' },
    { personId: 'd', registeredOn: '2026-01-01', expiresOn: null },
    { personId: 'e', registeredOn: '2026-01-01', expiresOn: '2026-12-31' },
    { personId: 'f', registeredOn: '2025-01-01', expiresOn: '2025-12-31' },
    { personId: 'f', registeredOn: '2026-01-01', expiresOn: '2027-06-30' },
    { personId: 'i', registeredOn: '2026-01-01', expiresOn: '2027-06-30' },
  ],
  keyPersons: [],
};

const registers: Record<string, RegisterSnapshot> = { worked: workedExample, edges, empty: { residences: [], permits: [], keyPersons: [] } };
const days = ['2026-10-31', '2026-12-30', '2026-12-31', '2027-01-01'];
const talkIntervalDays = 30;

const both = (s: RegisterSnapshot, date: string) => ({
  registration: derivedCounts(deriveRegistration(s, date)),
  keyPersonControl: derivedCounts(deriveKeyPersonControl(s, date, talkIntervalDays)),
});

describe.each([
  ['SQLite', freshSqlite],
  ['PostgreSQL', freshPostgres],
])('registerSnapshots on %s', (_, fresh) => {
  let t: TestDb;
  let ruleSetVersionId: number;
  beforeAll(async () => {
    t = await fresh('register-snapshots');
    await t.db.county.create({ data: { id: 'county-1', name: 'test' } });
    for (const id of Object.keys(registers)) await t.db.community.create({ data: { id, countyId: 'county-1', name: id, population: 1000, complexity: 1 } });
    ruleSetVersionId = (await activateDerivedRates(t.db, '2026-01-01')).id;
    for (const [id, snapshot] of Object.entries(registers)) if (snapshot.residences.length) await keepRegister(t.db, 'county-1', id, snapshot);
  });
  afterAll(() => t.drop());

  it.each(days)('counts on %s what the persons read one by one and the plain records count', async (date) => {
    const ids = Object.keys(registers);
    const counted = await registerSnapshots(t.db, 'county-1', ids, date, talkIntervalDays);
    const listed = await registerSnapshots(t.db, 'county-1', ids, date, talkIntervalDays, true);
    for (const id of ids) {
      const expected = both(registers[id]!, date);
      expect(both(counted.get(id)!, date), id).toEqual(expected);
      expect(both(listed.get(id)!, date), id).toEqual(expected);
      // The counts path reads only 暂住 one by one; the list names everyone.
      expect(counted.get(id)!.residences.every((r) => r.class === 'temporary')).toBe(true);
      expect(listed.get(id)!.residenceCounts).toBeUndefined();
    }
  });

  it('stores the counts once, leaves them alone when nothing changed, and follows the records when they do', async () => {
    const ids = Object.keys(registers);
    await t.db.binding.createMany({
      data: ids.map((communityId) => ({
        countyId: 'county-1',
        communityId,
        subjectType: 'officer',
        subjectId: `o-${communityId}`,
        effectiveFrom: '2026-01-01',
      })),
    });
    await t.db.cycle.create({ data: { id: 'q4', countyId: 'county-1', kind: 'quarterly', period: '2026-Q4', status: 'collecting', ruleSetVersionId } });
    const activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date('2027-01-05T08:00:00Z') });
    const stored = async () =>
      Object.fromEntries(
        (await t.db.metricSubmission.findMany({ where: { period: '2026-Q4' } })).map((r) => [
          `${r.communityId} ${r.metric}`,
          { id: r.id, value: r.value, derivation: r.derivation },
        ]),
      );
    const expected = (id: string, registration: RegisterSnapshot) => ({
      [`${id} registration`]: expect.objectContaining({
        value: deriveRegistration(registration, '2026-12-31').value,
        derivation: derivedCounts(deriveRegistration(registration, '2026-12-31')),
      }),
      [`${id} keyPersonControl`]: expect.objectContaining({ derivation: derivedCounts(deriveKeyPersonControl(registration, '2026-12-31', talkIntervalDays)) }),
    });

    expect(await activities.deriveRegisterFigures({ cycleId: 'q4' })).toEqual({
      derived: 5,
      gaps: [{ community: 'empty', metric: 'registration', source: 'register' }],
    });
    const first = await stored();
    expect(first).toEqual({
      ...expected('worked', workedExample),
      ...expected('edges', edges),
      'empty keyPersonControl': expect.objectContaining({ value: 1 }),
    });

    await activities.deriveRegisterFigures({ cycleId: 'q4' });
    expect(await stored()).toEqual(first);

    // 周杰 registers as a permanent resident before the quarter's end; the edges community empties.
    await t.db.personResidence.updateMany({ where: { personId: 'worked-p-zhoujie' }, data: { class: 'present-registered' } });
    await t.db.personResidence.deleteMany({ where: { communityId: 'edges' } });
    await activities.deriveRegisterFigures({ cycleId: 'q4' });
    const third = await stored();
    expect(third['worked registration']).toEqual({
      id: first['worked registration']!.id,
      value: 0.8,
      derivation: expect.objectContaining({ numerator: 4, denominator: 5 }),
    });
    expect(third['edges registration']).toBeUndefined();
    expect(third['worked keyPersonControl']).toEqual(first['worked keyPersonControl']);
  });
});

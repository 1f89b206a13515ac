// The registers as the cycle reads them (counts by class, only 暂住 one by one) against the same
// registers read person by person for the shortfall list, and against the pure derivation of the
// plain records a scenario would give: the same counts on SQLite and PostgreSQL, on the days around
// residences, listings and permits starting and ending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  beforeAll(async () => {
    t = await fresh('register-snapshots');
    await t.db.county.create({ data: { id: 'county-1', name: 'test' } });
    for (const id of Object.keys(registers)) await t.db.community.create({ data: { id, countyId: 'county-1', name: id, population: 1000, complexity: 1 } });
    await activateDerivedRates(t.db, '2026-01-01');
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
});

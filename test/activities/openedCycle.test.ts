// A cycle row always names a rule-set version: a failure before the cycle was opened records the
// version in force at the end of its period, and reopening takes the version in force then, so a
// version the bureau adds meanwhile for that period is the one the cycle runs under.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { addRuleSetVersion } from '../../src/db/ruleSets.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';

let t: TestDb;
let db: Db;
let now = new Date('2026-11-30T00:00:00Z');
let activities: ReturnType<typeof createActivities>;

beforeAll(async () => {
  t = await freshSqlite('opened-cycle');
  db = t.db;
  await seedTestCounty(db, { countyId: firstCounty.id, name: firstCounty.name, today: '2026-01-01' });
  activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => now });
});
afterAll(() => t.drop());

it("records the version in force at the period's end on a failure before opening, and reopens under the version then in force", async () => {
  const cycleId = 'quarterly-2026-Q4';
  await expect(activities.openCycle({ cycleId, period: '2026-Q4' })).rejects.toMatchObject({ type: 'PeriodNotEnded' });
  await activities.recordCycleFailure({
    cycleId,
    kind: 'quarterly',
    period: '2026-Q4',
    run: now.toISOString(),
    failure: { type: 'PeriodNotEnded', reason: 'the quarter has not ended', fix: 'wait' },
  });
  expect(await db.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: 'failed', ruleSetVersionId: 1 });

  const december = await db.$transaction((tx) =>
    addRuleSetVersion(tx, { countyId: 'county-1', ruleSet: loadDefaultRuleSet(), effectiveFrom: '2026-12-01', reason: 'from December', author: 'bureau' }),
  );
  now = new Date('2027-01-05T00:00:00Z');
  expect(await activities.openCycle({ cycleId, period: '2026-Q4' })).toMatchObject({ ruleSetVersionId: december.id });
  expect(await db.cycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({
    status: 'collecting',
    ruleSetVersionId: december.id,
    failureType: null,
  });
});

it('refuses to page the payments of a cycle that was never opened, without retrying', async () => {
  await expect(activities.obligationPage({ cycleId: 'quarterly-2031-Q1', limit: 10 })).rejects.toMatchObject({ type: 'InvalidCycleInput', nonRetryable: true });
});

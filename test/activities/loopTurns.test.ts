// SQLite's driver is synchronous, so a long activity whose queries never let the event loop run
// holds the process's HTTP requests and its own heartbeats until it ends (a county's first payment
// page held a service's loop for 6 s). The page lets the loop run after each obligation.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { paymentTiming } from '../../src/activities/paymentFollowUps.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { firstCounty } from '../support/counties.js';
import { freshSqlite, type TestDb } from '../support/db.js';
import { day } from '../support/runningTime.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshSqlite('loop-turns');
});
afterAll(() => t?.drop());

/** Counts the event loop's turns (setImmediate callbacks) while `work` runs. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let counting = true;
  const tick = () => {
    if (!counting) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await work();
  } finally {
    counting = false;
  }
  return turns;
}

it("lets the event loop run after each obligation of a cycle's payment page", async () => {
  const cycleId = 'c-loop-turns';
  const dueOn = new Date(Date.now() + 20 * day).toISOString().slice(0, 10);
  const ids = Array.from({ length: 40 }, (_, i) => `${cycleId}/subsidy/o${String(i).padStart(2, '0')}`);
  for (const id of ids)
    await t.db.paymentObligation.create({
      data: { id, countyId: firstCounty.id, cycleId, decisionId: id, kind: 'subsidy', payeeType: 'officer', payeeId: 'o01', amountFen: 150_000, dueOn },
    });
  const activities = createActivities({ db: t.db, notifier: createInboxNotifier(), clock: () => new Date() });
  const timing = paymentTiming(loadDefaultRuleSet().parameters);

  const turns = await turnsDuring(() => activities.verifyCyclePayments({ cycleId, timing, now: Date.now(), named: [], all: false, limit: 500 }));

  expect(await t.db.paymentObligation.count({ where: { cycleId, lookedAt: { not: null } } })).toBe(ids.length);
  expect(turns).toBeGreaterThanOrEqual(ids.length);
});

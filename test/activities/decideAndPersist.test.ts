// Temporal retries activities: deciding a cycle twice must leave exactly one set of rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshSqlite } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';

let db: Db;
let activities: ReturnType<typeof createActivities>;
const cycleId = 'quarterly-2026-Q1';

beforeAll(async () => {
  db = (await freshSqlite('activity-idempotency')).db;
  await seedTestCounty(db, { countyId: firstCounty.id, name: firstCounty.name, today: '2026-01-01' });
  const ids = (await db.community.findMany()).map((c) => c.id);
  await submitDemoFigures(db, '2026-Q1', ids);
  activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
});

afterAll(async () => db?.$disconnect());

async function counts() {
  const where = { cycleId };
  return {
    evaluations: await db.evaluation.count({ where }),
    decisions: await db.decision.count({ where }),
    obligations: await db.paymentObligation.count({ where }),
    notices: await db.notice.count({ where }),
    recipients: await db.noticeRecipient.count({ where: { notice: { cycleId } } }),
    postings: await db.posting.count(),
  };
}

describe('decideAndPersist', () => {
  it('leaves one set of rows when run twice, and when re-run after its cycle was reopened', async () => {
    const opened = await activities.openCycle({ cycleId, period: '2026-Q1' });
    expect(opened.missing).toEqual([]);
    const first = await activities.decideAndPersist({ cycleId, gaps: [] });
    const once = await counts();
    expect(once.evaluations).toBe(10);
    expect(once.decisions).toBeGreaterThanOrEqual(16 + 2);
    expect(once.obligations).toBe(16);
    expect(once.notices).toBe(1);

    const second = await activities.decideAndPersist({ cycleId, gaps: [] });
    expect(second).toEqual(first);
    expect(await counts()).toEqual(once);

    // A retry that starts before the first attempt's status reached the database still writes nothing twice.
    await db.cycle.update({ where: { id: cycleId }, data: { status: 'collecting' } });
    await activities.decideAndPersist({ cycleId, gaps: [] });
    expect(await counts()).toEqual(once);
  });

  it('refuses a cycle that was never opened, without retrying', async () => {
    await expect(activities.decideAndPersist({ cycleId: 'quarterly-2031-Q1', gaps: [] })).rejects.toMatchObject({
      type: 'InvalidCycleInput',
      nonRetryable: true,
    });
  });
});

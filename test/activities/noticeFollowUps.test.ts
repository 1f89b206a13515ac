// A decided cycle lists one chase per joint notice among its follow-ups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import type { Db } from '../../src/db/client.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { freshSqlite } from '../support/db.js';
import { submitDemoFigures } from '../support/figures.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';

let db: Db;
const cycleId = 'quarterly-2026-Q1';

beforeAll(async () => {
  db = (await freshSqlite('notice-follow-ups')).db;
  await seedTestCounty(db, { countyId: firstCounty.id, name: firstCounty.name, today: '2026-01-01' });
  const ids = (await db.community.findMany()).map((c) => c.id);
  await submitDemoFigures(db, '2026-Q1', ids);
});

afterAll(async () => db?.$disconnect());

describe('joint notice follow-ups', () => {
  it('starts a chase per joint notice under notice/<id>, timed by the rule set', async () => {
    const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2026-04-02T00:00:00Z') });
    await activities.openCycle({ cycleId, period: '2026-Q1' });
    const summary = await activities.decideAndPersist({ cycleId, gaps: [] });
    const joint = await db.notice.findMany({ where: { cycleId, kind: 'joint-notice' } });
    expect(joint.length).toBeGreaterThan(0);
    const chases = summary.followUps.filter((f) => f.workflowType === 'jointNoticeAcknowledgement');
    expect(chases).toEqual(
      joint.map((n) => ({
        workflowType: 'jointNoticeAcknowledgement',
        workflowId: `notice/${n.id}`,
        args: [{ noticeId: n.id, remindEveryDays: 3, escalateAfterDays: 7 }],
      })),
    );
  });
});

// Two counties run their quarters side by side on Temporal (time-skipping server, real activities
// on one SQLite file): each with its own communities, figures and rule set, each cycle started by
// hand through the cycle port under its own id, and neither sees the other's rows. A cycle made
// before counties keeps its id and is started again under it, never doubled.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../src/activities/index.js';
import { CycleAlreadyStartedError } from '../../src/cycles/port.js';
import { createTemporalCycles } from '../../src/cycles/temporal.js';
import type { Db } from '../../src/db/client.js';
import { addRuleSetVersion, ensureDefaultRuleSet } from '../../src/db/ruleSets.js';
import { createInboxNotifier } from '../../src/notices/notifier.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { firstCounty, seedTestCounty } from '../support/counties.js';
import { submitDemoFigures } from '../support/figures.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';

const taskQueue = 'two-counties';
const second = { id: 'county-2', name: '第二县公安局' };
const zhangsan = { userId: 'zhangsan', name: '张三' };

let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
let first: string[];
let others: string[];
let secondVersion: number;

beforeAll(async () => {
  county = await timeSkippingCounty('two-counties', '2026-01-01');
  ({ env, db } = county);
  first = (await db.community.findMany({ where: { countyId: firstCounty.id }, orderBy: { id: 'asc' } })).map((c) => c.id);
  others = await seedTestCounty(db, { countyId: second.id, name: second.name, today: '2026-01-01', prefix: 'b-' });
  // The second county's bureau pays twice the subsidy: its own rule set, which the first never sees.
  await ensureDefaultRuleSet(db, firstCounty.id);
  const rs = loadDefaultRuleSet();
  const doubled = {
    ...rs,
    name: 'county-2-double-subsidy',
    parameters: { ...rs.parameters, subsidyPerOfficerPerMonth: rs.parameters.subsidyPerOfficerPerMonth * 2 },
  };
  secondVersion = (
    await db.$transaction((tx) =>
      addRuleSetVersion(tx, { countyId: second.id, ruleSet: doubled, effectiveFrom: '2000-01-01', reason: 'county 2 pays more', author: 'test' }),
    )
  ).id;
  await submitDemoFigures(db, '2026-Q1', [...first, ...others]);
});

afterAll(() => county?.stop());

const cyclesOf = () => createTemporalCycles(env.client, taskQueue, db);

describe('two counties deciding the same quarter', () => {
  it('decide each its own quarter, under its own id, rule set and county, seeing none of the other', async () => {
    const worker = await county.worker(taskQueue, () => new Date('2026-04-02T00:00:00Z'));
    const cycles = cyclesOf();
    const [a, b] = await worker.runUntil(async () => {
      const started = [await cycles.start(firstCounty.id, 'quarterly', '2026-Q1', zhangsan), await cycles.start(second.id, 'quarterly', '2026-Q1', zhangsan)];
      await Promise.all(started.map(({ cycleId }) => env.client.workflow.getHandle(cycleId).result()));
      return started.map((s) => s.cycleId);
    });
    expect([a, b]).toEqual(['quarterly-2026-Q1-county-1', 'quarterly-2026-Q1-county-2']);

    // The memo names the user who started it by hand, and the county.
    expect((await env.client.workflow.getHandle(a!).describe()).memo).toEqual({ countyId: firstCounty.id, startedBy: 'zhangsan', startedByName: '张三' });

    const [rowA, rowB] = await Promise.all([a, b].map((id) => db.cycle.findUniqueOrThrow({ where: { id } })));
    expect(rowA).toMatchObject({ countyId: firstCounty.id, status: 'decided' });
    expect(rowB).toMatchObject({ countyId: second.id, status: 'decided', ruleSetVersionId: secondVersion });
    expect(rowA!.ruleSetVersionId).not.toBe(secondVersion);

    for (const [cycleId, countyId, own] of [
      [a!, firstCounty.id, first],
      [b!, second.id, others],
    ] as const) {
      const evaluations = await db.evaluation.findMany({ where: { cycleId } });
      expect(evaluations.map((e) => e.communityId).sort()).toEqual([...own].sort());
      expect(new Set(evaluations.map((e) => e.countyId))).toEqual(new Set([countyId]));
      // Each county ranks its own ten offices: one last place each.
      expect(evaluations.filter((e) => e.isLast)).toHaveLength(1);
      for (const rows of [
        await db.decision.findMany({ where: { cycleId } }),
        await db.paymentObligation.findMany({ where: { cycleId } }),
        await db.notice.findMany({ where: { cycleId } }),
      ]) {
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.countyId))).toEqual(new Set([countyId]));
      }
      const payees = (await db.paymentObligation.findMany({ where: { cycleId } })).map((o) => o.payeeId);
      const officers = (await db.officer.findMany({ where: { countyId } })).map((o) => o.id);
      expect(payees.every((p) => officers.includes(p))).toBe(true);
      // The workflow's own writes are audited as the workflow, in its county.
      const decided = await db.auditEntry.findFirstOrThrow({ where: { entity: 'Cycle', entityId: cycleId, action: 'decide' } });
      expect(decided).toMatchObject({ actor: `system:${cycleId}`, countyId, authMethod: 'workflow' });
      const notice = await db.notice.findFirstOrThrow({ where: { cycleId, kind: 'joint-notice' }, include: { recipients: true } });
      expect(notice.recipients.some((r) => r.recipientType === 'officer' && officers.includes(r.recipientId))).toBe(true);
    }

    // County 2's doubled subsidy paid twice what county 1's did for the same figures (to the fen per officer).
    const total = async (cycleId: string) =>
      (await db.paymentObligation.aggregate({ where: { cycleId, kind: 'subsidy' }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
    expect(Math.abs((await total(b!)) - 2 * (await total(a!)))).toBeLessThanOrEqual(16);
  }, 180_000);

  it("lets a year-end wait only for its own county's quarters", async () => {
    const activities = createActivities({ db, notifier: createInboxNotifier(), clock: () => new Date('2027-01-20T00:00:00Z') });
    await db.cycle.update({ where: { id: 'quarterly-2026-Q1-county-2' }, data: { status: 'failed' } });
    expect(await activities.undecidedQuarters({ year: 2026, countyId: firstCounty.id })).toEqual(['2026-Q2', '2026-Q3', '2026-Q4']);
    expect(await activities.undecidedQuarters({ year: 2026, countyId: second.id })).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    await db.cycle.update({ where: { id: 'quarterly-2026-Q1-county-2' }, data: { status: 'decided' } });
  });

  it('refuses a second start of a county’s quarter, and starts the other county’s independently', async () => {
    const cycles = cyclesOf();
    await expect(cycles.start(second.id, 'quarterly', '2026-Q1', zhangsan)).rejects.toBeInstanceOf(CycleAlreadyStartedError);
  });
});

describe('a cycle made before counties', () => {
  it('is found by its county, kind and period: started again under its old id when it failed, never doubled', async () => {
    const { id: version } = await db.ruleSetVersion.findFirstOrThrow({ where: { countyId: firstCounty.id } });
    await db.cycle.create({
      data: {
        id: 'quarterly-2026-Q2',
        countyId: firstCounty.id,
        kind: 'quarterly',
        period: '2026-Q2',
        status: 'failed',
        ruleSetVersionId: version,
        failureType: 'PeriodNotEnded',
        failureReason: 'too early',
        failureFix: 'wait',
        failedAt: new Date(),
      },
    });
    await submitDemoFigures(db, '2026-Q2', first);
    const worker = await county.worker(taskQueue, () => new Date('2026-07-02T00:00:00Z'));
    const cycles = cyclesOf();
    const { cycleId } = await worker.runUntil(async () => {
      const started = await cycles.start(firstCounty.id, 'quarterly', '2026-Q2', zhangsan);
      await env.client.workflow.getHandle(started.cycleId).result();
      return started;
    });
    expect(cycleId).toBe('quarterly-2026-Q2');
    expect(await db.cycle.findMany({ where: { countyId: firstCounty.id, period: '2026-Q2' } })).toEqual([
      expect.objectContaining({ id: 'quarterly-2026-Q2', status: 'decided' }),
    ]);
    expect(await db.evaluation.count({ where: { cycleId: 'quarterly-2026-Q2', countyId: firstCounty.id } })).toBe(10);
    // Decided, it is not started again; a figure for it signals it under its old id (nothing runs: a no-op).
    await expect(cycles.start(firstCounty.id, 'quarterly', '2026-Q2', zhangsan)).rejects.toMatchObject({ cycleId: 'quarterly-2026-Q2' });
    await cycles.metricsSubmitted(firstCounty.id, '2026-Q2', first[0]!, ['clues']);
  }, 180_000);
});

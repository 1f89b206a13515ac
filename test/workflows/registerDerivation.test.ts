// The period workflow deriving the register's rates on the time-skipping server, with real
// activities on a real SQLite file: a rule set that derives registration and key-person control
// never waits for or chases a department for them, and the counts reach the breakdown.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { figureCompleteness } from '../../src/db/figureCompleteness.js';
import { periodEvaluation } from '../../src/workflows/periodEvaluation.js';
import { demoFigures } from '../support/figures.js';
import { activateDerivedRates, keepRegister, workedExample } from '../support/registerExample.js';
import { day, runningTime } from '../support/runningTime.js';
import { recordHistory } from '../support/histories.js';
import { timeSkippingCounty, type TimeSkippingCounty } from '../support/timeSkippingCounty.js';

let county: TimeSkippingCounty;
let env: TestWorkflowEnvironment;
let db: Db;
let communities: string[];
const period = '2026-Q4';
const cycleId = `quarterly-${period}`;
const derived = new Set(['registration', 'keyPersonControl']);
const supplier: Record<string, string> = { satisfaction: 'zhengong', familiarity: 'zhengong', incidents: 'zhian', prevention: 'zhian', clues: 'zhian' };

beforeAll(async () => {
  county = await timeSkippingCounty('workflow-register', '2026-01-01');
  ({ env, db } = county);
  communities = (await db.community.findMany({ orderBy: { id: 'asc' } })).map((c) => c.id);
  await activateDerivedRates(db, '2026-01-01');
  // Every community keeps the worked example but the second, which keeps no register at all.
  for (const c of communities) if (c !== communities[1]) await keepRegister(db, 'county-1', c, workedExample);
  // The departments submit the other five metrics for every community; nobody submits the derived two.
  for (const f of demoFigures(communities).filter((f) => !derived.has(f.metric)))
    await db.metricSubmission.create({ data: { countyId: 'county-1', period, ...f, submittedBy: supplier[f.metric]!, actor: 'test' } });
});

afterAll(() => county?.stop());

describe('periodEvaluation with derived register rates', () => {
  it('derives both rates at the period end, decides without waiting, and shows the counts in the breakdown', async () => {
    const w = await county.worker('register', () => new Date(2027, 0, 2));
    const handle = await env.client.workflow.start(periodEvaluation, {
      workflowId: cycleId,
      taskQueue: 'register',
      args: [{ cycleId, period, deadlineDays: 7 }],
    });
    const summary = await w.runUntil(handle.result());

    expect(await runningTime(handle)).toBeLessThan(day);
    expect(await db.notice.count({ where: { cycleId, kind: 'metrics-missing' } })).toBe(0);
    // Nobody is present in the second community: no registration figure, a gap no department owes.
    expect(summary.gaps).toEqual([{ community: communities[1], metric: 'registration', source: 'register' }]);
    expect(summary.ranked).toBe(communities.length);

    const rows = await db.metricSubmission.findMany({
      where: { period, communityId: communities[0], metric: { in: [...derived] } },
      orderBy: { metric: 'asc' },
    });
    expect(rows).toEqual([
      expect.objectContaining({ metric: 'keyPersonControl', value: 0.3333, submittedBy: 'register', actor: 'register' }),
      expect.objectContaining({ metric: 'registration', value: 0.6, submittedBy: 'register', actor: 'register' }),
    ]);
    const evaluation = await db.evaluation.findFirstOrThrow({ where: { cycleId, communityId: communities[0] } });
    const breakdown = Object.fromEntries((evaluation.breakdown as { metric: string }[]).map((e) => [e.metric, e]));
    expect(breakdown.registration).toMatchObject({
      value: 0.6,
      points: 60,
      derived: {
        numerator: 3,
        denominator: 5,
        counts: {
          present: 5,
          registered: 3,
          presentRegistered: 2,
          temporaryRegistered: 1,
          presentUnregistered: 1,
          temporaryUnregistered: 1,
          registeredAway: 1,
        },
      },
    });
    expect(breakdown.keyPersonControl).toMatchObject({ value: 0.3333, derived: { numerator: 1, denominator: 3, counts: { listed: 3, controlled: 1 } } });
    expect(breakdown.satisfaction).not.toHaveProperty('derived');

    const empty = await db.evaluation.findFirstOrThrow({ where: { cycleId, communityId: communities[1] } });
    expect(empty.missing).toEqual(['registration']);
    expect((empty.breakdown as { metric: string }[]).find((e) => e.metric === 'keyPersonControl')).toMatchObject({
      value: 1,
      derived: { numerator: 0, denominator: 0 },
    });

    // The population brigade owes nothing: completeness counts only what departments submit.
    const completeness = await figureCompleteness(db, 'county-1', period);
    expect(completeness.departments.map((d) => d.department).sort()).toEqual(['zhengong', 'zhian']);
    expect(completeness.departments.every((d) => d.missing.length === 0)).toBe(true);
    await recordHistory(handle, 'period-evaluation-register-derived');
  });
});

// The monthly launcher starts one presence workflow per bound leader, a page per run.
import { describe, expect, it } from 'vitest';
import { presenceLauncher } from '../../src/workflows/presenceLauncher.js';
import { presenceHarness } from '../support/presence.js';
import { recordHistory } from '../support/histories.js';

const p = presenceHarness('workflow-presence-launcher');

describe('presenceLauncher', () => {
  it("pages through the county with continue-as-new and starts every leader's month once", async () => {
    const { month } = await p.nextMonthOf('L01');
    const w = await p.worker();
    const outcome = await w.runUntil(async () => {
      const result = await p.env.client.workflow.execute(presenceLauncher, {
        workflowId: 'presence-launcher',
        taskQueue: 'presence',
        args: [{ timeZone: 'Asia/Shanghai', month, pageSize: 3 }],
      });
      const leaders = Array.from({ length: 10 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);
      const runs = await Promise.all(leaders.map((l) => p.env.client.workflow.getHandle(`presence/${l}/${month}`).describe()));
      expect(runs.map((r) => r.status.name)).toEqual(leaders.map(() => 'RUNNING'));
      await Promise.all(leaders.map((l) => p.env.client.workflow.getHandle(`presence/${l}/${month}`).terminate('test over')));
      return result;
    });
    // The last of four runs (3 + 3 + 3 + 1 leaders).
    expect(outcome).toEqual({ month, started: 1 });
    await recordHistory(p.env.client.workflow.getHandle('presence-launcher'), 'presence-launcher');
  });
});

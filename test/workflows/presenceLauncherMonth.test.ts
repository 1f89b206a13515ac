// The launcher plans the local month it was meant for: started by hand on a month's last day it
// starts that month's workflows, not the next month's (the day after the start is already there).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar.js';
import { localMonth, nextMonthStart, zonedInstant } from '../../src/core/presenceMonth.js';
import { presenceLauncher } from '../../src/workflows/presenceLauncher.js';
import { presenceHarness } from '../support/presence.js';

const p = presenceHarness('workflow-presence-launcher-month');
const leaders = Array.from({ length: 10 }, (_, i) => `L${String(i + 1).padStart(2, '0')}`);

describe('presenceLauncher started by hand', () => {
  it("on the last day of a month, at noon in Shanghai, starts that month's workflows", async () => {
    const now = await p.env.currentTimeMs();
    const month = nextMonthStart(localMonth(new Date(now), 'Asia/Shanghai')).slice(0, 7);
    await p.env.sleep(Date.parse(zonedInstant(addDays(nextMonthStart(month), -1), 12, 'Asia/Shanghai')) - now);
    const w = await p.worker();
    const outcome = await w.runUntil(async () => {
      const result = await p.env.client.workflow.execute(presenceLauncher, {
        workflowId: 'presence-launcher-by-hand',
        taskQueue: 'presence',
        args: [{ timeZone: 'Asia/Shanghai' }],
      });
      const runs = await Promise.all(leaders.map((l) => p.env.client.workflow.getHandle(`presence/${l}/${month}`).describe()));
      expect(runs.map((r) => r.status.name)).toEqual(leaders.map(() => 'RUNNING'));
      await Promise.all(leaders.map((l) => p.env.client.workflow.getHandle(`presence/${l}/${month}`).terminate('test over')));
      return result;
    });
    expect(outcome).toEqual({ month, started: 10 });
  });
});

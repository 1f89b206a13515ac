// A month flooded with visit signals continues as new and still reminds each point once.
import { describe, expect, it } from 'vitest';
import { presenceHistoryLimit, presenceProgressQuery, visitChangedSignal } from '../../src/workflows/presenceMonth.js';
import { recordHistory } from '../support/histories.js';
import { presenceHarness } from '../support/presence.js';

const p = presenceHarness('workflow-presence-continue-as-new');
const { nextMonthOf, worker, start, settled, logVisit, sleepUntil } = p;

describe('presenceMonth', () => {
  it('continues as new past its history limit, carrying the reminders ahead and the ones sent, and reminds each point once', async () => {
    const input = await nextMonthOf('L04');
    const w = await worker();
    const progress = await w.runUntil(async () => {
      const first = await start(input);
      await sleepUntil(input.reminders[0]!.at);
      await expect.poll(async () => (await first.query(presenceProgressQuery)).reminded).toHaveLength(1);
      await logVisit(input, 3, 'confirmed');
      // Enough signals to pass the limit, sent in waves as a busy API would.
      for (let sent = 0; sent < presenceHistoryLimit; sent += 100) {
        await Promise.all(Array.from({ length: 100 }, () => first.signal(visitChangedSignal, { visitId: 1 })));
      }
      const latest = p.env.client.workflow.getHandle(first.workflowId);
      await expect.poll(async () => (await latest.describe()).runId, { timeout: 60_000 }).not.toBe(first.firstExecutionRunId);
      const firstRun = p.env.client.workflow.getHandle(first.workflowId, first.firstExecutionRunId);
      const { events } = await firstRun.fetchHistory();
      const next = events!.at(-1)!.workflowExecutionContinuedAsNewEventAttributes!;
      const carried = p.env.client.options.loadedDataConverter.payloadConverter.fromPayload(next.input!.payloads![0]!);
      expect(carried).toMatchObject({ reminders: input.reminders.slice(1), reminded: [input.reminders[0]!.date], days: [`${input.month}-03`] });
      expect(events!.length).toBeLessThan(2 * presenceHistoryLimit);
      await recordHistory(firstRun, 'presence-month-continued-as-new');
      return settled(input, await latest.result());
    });
    expect(progress.reminded).toEqual(input.reminders.map((r) => r.date));
    expect(progress.recorded).toEqual({ days: 1, compliant: false });
  });
});

// A visit logged before the monthly launcher has started its leader's month (or for a month the
// launcher skipped) starts that month by signal-with-start, over the real HTTP API and Temporal
// port, and counts in the month's verdict.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { PresenceMonthInput } from '../../src/activities/presence.js';
import { createApp } from '../../src/api/app.js';
import { presenceWorkflowId } from '../../src/contracts/presence.js';
import { createTemporalSignals } from '../../src/temporal/signals.js';
import { RecordingCycles, recordingLogger } from '../api/harness.js';
import { presenceHarness } from '../support/presence.js';
import { recordHistory } from '../support/histories.js';
import { tokenFor } from '../support/users.js';
import { firstCounty } from '../support/counties.js';

const p = presenceHarness('workflow-presence-before-launcher');

describe("a visit before the month's launcher", () => {
  it("starts the leader's month, which counts it in its verdict", async () => {
    const now = new Date(await p.env.currentTimeMs());
    const today = now.toISOString().slice(0, 10);
    const month = today.slice(0, 7);
    const app = createApp({
      db: p.db,
      cycles: new RecordingCycles(),
      signals: createTemporalSignals(p.env.client, 'presence', true, recordingLogger()),
      clock: () => now,
    });
    // The leader logs his own days; the community's officer answers them.
    const [leader, officer] = [
      await tokenFor(p.db, { role: 'leader', subjectId: 'L04', countyId: firstCounty.id }),
      await tokenFor(p.db, { role: 'officer', subjectId: 'o07', countyId: firstCounty.id }),
    ];
    const post = (token: string, path: string, body: object) =>
      request(app)
        .post(path)
        .set({ Authorization: `Bearer ${token}` })
        .send(body);
    const handle = p.env.client.workflow.getHandle(presenceWorkflowId('L04', month));
    await expect(handle.describe()).rejects.toThrow();

    const w = await p.worker();
    const progress = await w.runUntil(async () => {
      const visit = await post(leader, '/api/visits', { communityId: 'c04', date: today }).expect(201);
      expect((await handle.describe()).status.name).toBe('RUNNING');
      await post(officer, `/api/visits/${visit.body.id}/confirmation`, { verdict: 'confirmed' }).expect(200);
      const judged = await p.settled({ leaderId: 'L04', month } as PresenceMonthInput, await handle.result());
      // A visit for a month already judged is stored but starts nothing: the month's verdict is final.
      const { runId } = await handle.describe();
      await post(leader, '/api/visits', { communityId: 'c04', date: today, note: 'late' }).expect(201);
      expect(await handle.describe()).toMatchObject({ runId, status: { name: 'COMPLETED' } });
      return judged;
    });

    expect(progress.recorded).toEqual({ days: 1, compliant: false });
    expect(await p.db.presenceMonth.findUniqueOrThrow({ where: { leaderId_month: { leaderId: 'L04', month } } })).toMatchObject({
      communityId: 'c04',
      days: 1,
      countedDays: [today],
    });
    await recordHistory(handle, 'presence-month-started-by-visit');
  });
});

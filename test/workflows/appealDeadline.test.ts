// An appeal the bureau does not decide in time, on the time-skipping server (a file of its own:
// it sleeps through the 15-day deadline).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { appealWorkflowId } from '../../src/contracts/appeals.js';
import { appealStateQuery } from '../../src/workflows/appealMessages.js';
import { appealCounty, type AppealCounty } from '../support/appeals.js';

let t: AppealCounty;
let env: AppealCounty['env'];
let db: Db;

beforeAll(async () => {
  t = await appealCounty('appeal-deadline');
  ({ env, db } = t);
});
afterEach(() => t.cleanup());
afterAll(() => t?.stop());

const day = 86_400_000;

describe('appealReview', () => {
  it('deadline missed: reminds the bureau, escalates to the bureau head at the deadline, and still concludes when decided', async () => {
    const q = await t.decidedQuarter(2023);
    const w = await t.worker('deadline');
    const outcome = await w.runUntil(async () => {
      const id = await t.fileAndStart(q, 'deadline');
      const handle = env.client.workflow.getHandle(appealWorkflowId(id));
      await env.sleep(16 * day);
      await expect.poll(async () => await handle.query(appealStateQuery), { timeout: 30_000 }).toMatchObject({ escalated: true, reminders: 5 });
      await t.decide(id, { outcome: 'upheld', reason: '逾期后复核，维持' });
      return handle.result();
    });
    expect(outcome).toMatchObject({ status: 'upheld', escalated: true });
    const notices = await db.notice.findMany({ where: { about: `appeal/${outcome.appealId}` }, include: { recipients: true }, orderBy: { createdAt: 'asc' } });
    expect(notices.filter((n) => n.kind === 'appeal-reminder').map((n) => n.id)).toEqual(
      [1, 2, 3, 4, 5].map((r) => `appeal/${outcome.appealId}/reminder/${r}`),
    );
    const escalation = notices.find((n) => n.kind === 'appeal-escalation')!;
    expect(escalation.recipients.map((r) => `${r.recipientType}:${r.recipientId}`)).toEqual(['bureau:head']);
    expect(escalation.bodyZh).toContain('已过决定期限');
  });
});

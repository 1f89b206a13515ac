// The workflows of decided quarters, as the fault tests expect them: each cycle completed, its
// payment verification running (it follows the obligations for months), each obligation looked at
// by it and waiting for the money or, once paid and confirmed, settled (it then waits out the
// dispute window by design), none failed anywhere in the namespace.
import type { Client } from '@temporalio/client';
import { expect } from 'vitest';
import { cyclePaymentWorkflowId } from '../../../src/contracts/payments.js';
import type { Db } from '../../../src/db/client.js';

export async function expectWorkflowsOfQuarters(
  client: Client,
  db: Db,
  cycleIds: string[],
  obligationIds: string[],
  step: 'waiting' | 'settled',
): Promise<void> {
  for (const id of cycleIds) {
    const handle = client.workflow.getHandle(id);
    await handle.result();
    expect((await handle.describe()).status.name, id).toBe('COMPLETED');
    expect((await client.workflow.getHandle(cyclePaymentWorkflowId(id)).describe()).status.name, id).toBe('RUNNING');
  }
  const statuses = step === 'waiting' ? ['open', 'paid'] : ['settled'];
  const done = () => db.paymentObligation.count({ where: { id: { in: obligationIds }, lookedAt: { not: null }, status: { in: statuses } } });
  await expect.poll(done, { timeout: 60_000, interval: 1_000 }).toBe(obligationIds.length);
  const failed: string[] = [];
  for await (const w of client.workflow.list({ query: 'ExecutionStatus="Failed" OR ExecutionStatus="TimedOut" OR ExecutionStatus="Terminated"' }))
    failed.push(w.workflowId);
  expect(failed).toEqual([]);
}

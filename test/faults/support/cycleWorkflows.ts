// The workflows of decided quarters, as the fault tests expect them: each cycle and its payment
// launcher completed, each obligation's verification waiting for the money or, once paid and
// confirmed, settled (it then waits out the dispute window by design), none failed anywhere in
// the namespace.
import type { Client } from '@temporalio/client';
import { expect } from 'vitest';
import { paymentFollowUpsWorkflowId, paymentWorkflowId, verificationStateQueryName, type VerificationState } from '../../../src/contracts/payments.js';

export async function expectWorkflowsOfQuarters(client: Client, cycleIds: string[], obligationIds: string[], step: 'waiting' | 'settled'): Promise<void> {
  for (const id of [...cycleIds, ...cycleIds.map(paymentFollowUpsWorkflowId)]) {
    const handle = client.workflow.getHandle(id);
    await handle.result();
    expect((await handle.describe()).status.name, id).toBe('COMPLETED');
  }
  for (const id of obligationIds) {
    const handle = client.workflow.getHandle(paymentWorkflowId(id));
    await expect.poll(async () => (await handle.query<VerificationState>(verificationStateQueryName)).step, { timeout: 60_000, interval: 1_000 }).toBe(step);
  }
  const failed: string[] = [];
  for await (const w of client.workflow.list({ query: 'ExecutionStatus="Failed" OR ExecutionStatus="TimedOut" OR ExecutionStatus="Terminated"' }))
    failed.push(w.workflowId);
  expect(failed).toEqual([]);
}

// Histories of the joint-notice chase and of payment verification recorded on the code before
// appeals (a chase with reminders, an escalation and acknowledgements; a payment reminded,
// paid, confirmed, settled and closed) replay on today's code: the chase loop now shared with
// appeals (chase.ts) and the payment hold behind patched('appeal-freeze') change no command of them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { expect, it } from 'vitest';
import { workflowsPath } from '../../src/temporal/worker.js';

const recorded = (name: string, workflowId: string) => {
  const file = fileURLToPath(new URL(`../fixtures/histories/${name}.json`, import.meta.url));
  return { workflowId, history: historyFromJSON(JSON.parse(readFileSync(file, 'utf8'))) };
};

it('replays the follow-up workflows recorded before appeals', async () => {
  const results = [];
  for await (const r of Worker.runReplayHistories({ workflowsPath }, [
    recorded('joint-notice-acknowledgement', 'notice/quarterly-2026-Q1/joint-notice/c01'),
    recorded('payment-verification-reminded-closed', 'payment/2026-Q1/subsidy/o01'),
  ])) results.push(r);
  expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
});

// Recorded histories must replay on today's workflow code, and must not on a reordered copy:
// - quarterly-evaluation.json was recorded by the first release, under the workflow type
//   quarterlyEvaluation, before months and half-years: a cycle waiting across the upgrade;
// - period-evaluation.json is written by the period workflow test when RECORD_HISTORY=1;
// - payment-verification.json (settled, disputed, settled again, closed) was written by the payment
//   verification test with RECORD_HISTORY=1 before settling and closing became guarded transitions.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/temporal/worker.js';

const histories = ['quarterly-evaluation', 'period-evaluation', 'payment-verification'];
const reorderedPath = fileURLToPath(new URL('../fixtures/reordered-workflows/index.ts', import.meta.url));

function recorded(name: string) {
  const file = fileURLToPath(new URL(`../fixtures/histories/${name}.json`, import.meta.url));
  return [{ workflowId: 'quarterly-2026-Q2', history: historyFromJSON(JSON.parse(readFileSync(file, 'utf8'))) }];
}

describe.each(histories)('replaying the recorded %s', (name) => {
  it('replays cleanly on the current workflow code', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowsPath }, recorded(name))) results.push(r);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeUndefined();
  });

  it('fails on a copy that calls its activities in another order', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowsPath: reorderedPath }, recorded(name))) results.push(r);
    expect(results[0]!.error).toBeInstanceOf(DeterminismViolationError);
  });
});

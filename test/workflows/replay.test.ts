// The recorded history (test/fixtures/histories, written by the quarterly workflow test when
// RECORD_HISTORY=1) must replay on today's workflow code, and must not on a reordered copy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { workflowsPath } from '../../src/temporal/worker.js';

const historyFile = fileURLToPath(new URL('../fixtures/histories/quarterly-evaluation.json', import.meta.url));
const reorderedPath = fileURLToPath(new URL('../fixtures/reordered-workflows/index.ts', import.meta.url));

function recorded() {
  return [{ workflowId: 'quarterly-2026-Q2', history: historyFromJSON(JSON.parse(readFileSync(historyFile, 'utf8'))) }];
}

describe('replaying a recorded quarterly evaluation', () => {
  it('replays cleanly on the current workflow code', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowsPath }, recorded())) results.push(r);
    expect(results).toHaveLength(1);
    expect(results[0]!.error).toBeUndefined();
  });

  it('fails on a copy that calls its activities in another order', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories({ workflowsPath: reorderedPath }, recorded())) results.push(r);
    expect(results[0]!.error).toBeInstanceOf(DeterminismViolationError);
  });
});

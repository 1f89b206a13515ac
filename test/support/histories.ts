// Replay fixtures: a test that drives a workflow down a path worth keeping records the run's
// history when RECORD_HISTORY=1, and test/workflows/replay.test.ts replays every one on today's
// code. A recorded history is the record of the code it ran on, so it is never overwritten:
// delete the file to record it again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/histories/${name}.json`, import.meta.url));

/** Writes the history of the handle's run (the latest run if it has none) as test/fixtures/histories/<name>.json. */
export async function recordHistory(handle: Pick<WorkflowHandle, 'fetchHistory'>, name: string): Promise<void> {
  if (process.env.RECORD_HISTORY !== '1' || existsSync(fixture(name))) return;
  writeFileSync(fixture(name), historyToJSON(await handle.fetchHistory()));
}

export function recordedHistory(name: string) {
  return historyFromJSON(JSON.parse(readFileSync(fixture(name), 'utf8')));
}

// The API's own notices (a diversion over the allowance, a payment correction) go on beyond the
// inbox only when this process's configuration names a channel: otherwise no workflow starts.
import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createTemporalSignals } from '../../src/temporal/signals.js';
import { recordingLogger } from '../api/harness.js';

/** A client that only records the workflows it is asked to start. */
function recordingClient() {
  const started: { type: string; workflowId: string }[] = [];
  const client = {
    workflow: {
      start: async (type: string, options: { workflowId: string }) => {
        started.push({ type, workflowId: options.workflowId });
      },
    },
  } as unknown as Client;
  return { client, started };
}

describe("the API's notice deliveries", () => {
  it('start no workflow when no channel beyond the inbox is configured', async () => {
    const { client, started } = recordingClient();
    await createTemporalSignals(client, 'q', false, recordingLogger()).deliverNotice('diversions/c01/2026-03');
    expect(started).toEqual([]);
  });

  it('start one delivery workflow per notice when a channel is configured', async () => {
    const { client, started } = recordingClient();
    await createTemporalSignals(client, 'q', true, recordingLogger()).deliverNotice('diversions/c01/2026-03');
    expect(started).toEqual([{ type: 'noticeDelivery', workflowId: 'delivery/diversions/c01/2026-03' }]);
  });
});

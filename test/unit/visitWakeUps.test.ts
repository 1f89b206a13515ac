// A visit's answer waits for its month's workflow to be started once per process; after that its
// wake-up follows on its own (it only prompts a recount the month's reminders make anyway), a lost
// one is logged, and a month found closed is asked about again by the next call.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createTemporalSignals } from '../../src/temporal/signals.js';
import { recordingLogger } from '../api/harness.js';

/** A client whose signal-with-starts the test settles one by one. */
function heldClient() {
  const calls: { workflowId: string; settle: (outcome: 'running' | 'closed' | Error) => void }[] = [];
  const client = {
    workflow: {
      signalWithStart: (_type: string, options: { workflowId: string }) =>
        new Promise((resolve, reject) =>
          calls.push({
            workflowId: options.workflowId,
            settle: (outcome) =>
              outcome === 'running'
                ? resolve({})
                : outcome === 'closed'
                  ? reject(new WorkflowExecutionAlreadyStartedError('closed', options.workflowId, 'presenceMonth'))
                  : reject(outcome),
          }),
        ),
    },
  } as unknown as Client;
  return { client, calls };
}

const month = { workflowType: 'presenceMonth', workflowId: 'presence/L01/2026-11', args: [] };
const wake = { visitId: 1 };
/** The interval between one month's wake-ups, short for the test. */
const interval = 20;
/** Lets the interval and the promise chains run. */
const until = async (test: () => boolean) => {
  while (!test()) await new Promise((r) => setTimeout(r, 5));
};

/** Signals whose month has started (the first call answered), and a second call answered at once. */
async function afterTheFirstStart() {
  const { client, calls } = heldClient();
  const log = recordingLogger();
  const signals = createTemporalSignals(client, 'q', false, log, interval);
  const first = signals.signalWithStart(month, 'visitChanged', wake);
  await until(() => calls.length === 1);
  calls[0]!.settle('running');
  await first;
  expect(await signals.signalWithStart(month, 'visitChanged', wake)).toBe(true);
  return { signals, calls, log };
}

describe("a visit's wake-up of its month", () => {
  it('waits for the first start, then answers at once while the next wake-up waits for its turn', async () => {
    const { client, calls } = heldClient();
    const signals = createTemporalSignals(client, 'q', false, recordingLogger(), 1000);
    const first = signals.signalWithStart(month, 'visitChanged', wake);
    await until(() => calls.length === 1);
    let answered = false;
    void first.then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    calls[0]!.settle('running');
    expect(await first).toBe(true);

    // The second call's signal is not even sent yet (a second after the first), nor settled.
    expect(await signals.signalWithStart(month, 'visitChanged', wake)).toBe(true);
    expect(calls).toHaveLength(1);
    await until(() => calls.length === 2);
    calls[1]!.settle('running');
  });

  it('logs a later wake-up that failed, and waits again at the call after it', async () => {
    const { signals, calls, log } = await afterTheFirstStart();
    await until(() => calls.length === 2);
    calls[1]!.settle(new Error('frontend unavailable'));
    await until(() => log.warnings.length === 1);
    expect(log.warnings[0]).toMatchObject({ workflowId: month.workflowId, err: { message: 'frontend unavailable' } });

    const third = signals.signalWithStart(month, 'visitChanged', wake);
    await until(() => calls.length === 3);
    calls[2]!.settle('closed');
    expect(await third).toBe(false);
  });

  it('answers false for a month that has closed, found by the call after the one that learned it', async () => {
    const { signals, calls } = await afterTheFirstStart();
    await until(() => calls.length === 2);
    calls[1]!.settle('closed');
    await new Promise((r) => setImmediate(r)); // the settled wake-up's own reaction runs first
    const third = signals.signalWithStart(month, 'visitChanged', wake);
    await until(() => calls.length === 3);
    calls[2]!.settle('closed');
    expect(await third).toBe(false);
  });
});

// Wake-ups close together share one signal: calls before a send has begun share it (it reaches the
// workflow after every change they announce), a call while one is on its way or within the
// interval after it waits for the next send, and each workflow has its own lane.
import { describe, expect, it } from 'vitest';
import { coalescer } from '../../src/temporal/coalescedSignals.js';

function recorder() {
  const sent: string[] = [];
  return { sent, send: (label: string) => async () => (sent.push(label), label) };
}

describe('coalesced wake-ups', () => {
  it('a burst of 100 calls for one workflow before the send begins sends once', async () => {
    const wakes = coalescer<string>(20);
    const { sent, send } = recorder();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => wakes.send('presence/L01/2026-11', send(`call ${i}`))));
    expect(sent).toEqual(['call 0']);
    expect(new Set(answers)).toEqual(new Set(['call 0']));
  });

  it('calls during the interval after a send share the one send after it', async () => {
    const wakes = coalescer<string>(30);
    const { sent, send } = recorder();
    await wakes.send('a', send('first'));
    await Promise.all([wakes.send('a', send('second')), wakes.send('a', send('third'))]);
    expect(sent).toEqual(['first', 'second']);
  });

  it('each workflow has its own lane', async () => {
    const wakes = coalescer<string>(20);
    const { sent, send } = recorder();
    await Promise.all([wakes.send('a', send('a1')), wakes.send('b', send('b1')), wakes.send('a', send('a2'))]);
    expect(sent).toEqual(['a1', 'b1']);
  });

  it('a call after the interval has passed sends at once again', async () => {
    const wakes = coalescer<string>(10);
    const { sent, send } = recorder();
    await wakes.send('a', send('first'));
    await new Promise((r) => setTimeout(r, 30));
    await wakes.send('a', send('later'));
    expect(sent).toEqual(['first', 'later']);
  });

  it('a call while the shared send is already on its way waits for one more send after it', async () => {
    const wakes = coalescer<string>(5);
    const sent: string[] = [];
    let release!: () => void;
    const slow = () => new Promise<string>((resolve) => (release = () => (sent.push('slow'), resolve('slow'))));
    const first = wakes.send('a', slow);
    await Promise.resolve();
    const second = wakes.send('a', async () => (sent.push('second'), 'second'));
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['slow', 'second']);
  });

  it('a failed send fails every call that shared it, and the lane frees', async () => {
    const wakes = coalescer<string>(5);
    const failing = wakes.send('a', async () => {
      throw new Error('frontend unavailable');
    });
    await expect(failing).rejects.toThrow('frontend unavailable');
    await new Promise((r) => setTimeout(r, 20));
    await expect(wakes.send('a', async () => 'ok')).resolves.toBe('ok');
  });
});

// The long activities heartbeat from inside the activity's own context for as long as they run,
// and stop when they settle; the short ones never do.
import { Context } from '@temporalio/activity';
import { MockActivityEnvironment } from '@temporalio/testing';
import { expect, it } from 'vitest';
import { heartbeatingLongOnes } from '../../src/activities/heartbeat.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('heartbeats a long activity every 2 s from its start until it settles, and never a short one', async () => {
  const env = new MockActivityEnvironment();
  let beats = 0;
  env.on('heartbeat', () => beats++);
  const activities = heartbeatingLongOnes(
    {
      decideAndPersist: async () => {
        await sleep(4_500);
        return 'decided';
      },
      openCycle: async () => {
        await sleep(2_500);
        return 'opened';
      },
    },
    () => Context.current().heartbeat(),
  );

  expect(await env.run(activities.decideAndPersist)).toBe('decided');
  // At its start, then at 2 s and 4 s.
  expect(beats).toBe(3);
  await sleep(2_500);
  expect(beats).toBe(3);
  expect(await env.run(activities.openCycle)).toBe('opened');
  expect(beats).toBe(3);
});

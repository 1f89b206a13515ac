// The long activities heartbeat while they run: Temporal then hands a dead worker's attempt to
// another within the heartbeatTimeout (10 s, src/workflows/activityTimeouts.ts) rather than after
// the start-to-close, which must stay long enough for a province-sized transaction. A heartbeat
// says the process lives, which is what a crash takes away; the SDK throttles what it sends.
import type { ActivityDeps } from './deps.js';

/** Names of the activities run under `heartbeating` options in the workflows. */
export const longActivities = [
  'decideAndPersist',
  'decideYearEnd',
  'redecideAppeal',
  'publishBulletins',
  'deriveRegisterFigures',
  'remindRegister',
  'verifyCyclePayments',
] as const;

const everyMs = 2_000;

type Activities = Record<string, (...args: never[]) => Promise<unknown>>;

/** The activities, with the long ones heartbeating through `heartbeat` from their start until they settle. */
export function heartbeatingLongOnes<T extends Activities>(activities: T, heartbeat: ActivityDeps['heartbeat']): T {
  if (!heartbeat) return activities;
  const wrapped: Activities = { ...activities };
  for (const name of longActivities) {
    const run = activities[name];
    if (!run) continue;
    wrapped[name] = async (...args: never[]) => {
      heartbeat();
      const timer = setInterval(heartbeat, everyMs);
      try {
        return await run(...args);
      } finally {
        clearInterval(timer);
      }
    };
  }
  return wrapped as T;
}

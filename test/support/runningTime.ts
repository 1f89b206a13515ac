/** Workflow time from start to close, as the server's (possibly skipping) clock measured it. */
export async function runningTime(handle: { describe(): Promise<{ startTime: Date; closeTime?: Date }> }): Promise<number> {
  const { startTime, closeTime } = await handle.describe();
  return closeTime!.getTime() - startTime.getTime();
}

export { dayMs as day } from '../../src/core/time.js';

// Every recurring start is a Temporal Schedule, registered (or brought up to date) at start-up.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { cadences } from '../core/cadences.js';
import { periodSchedule } from './periodSchedules.js';
import { presenceSchedule } from './presenceSchedule.js';
import { yearEndSchedule } from './yearEndSchedule.js';
import { bulletinSchedule } from './bulletinSchedule.js';

export async function registerSchedules(client: Client, taskQueue: string, timeZone: string): Promise<string[]> {
  const options = [
    ...cadences.map((c) => periodSchedule(c, taskQueue, timeZone)),
    yearEndSchedule(taskQueue, timeZone),
    presenceSchedule(taskQueue, timeZone),
    bulletinSchedule(taskQueue, timeZone),
  ];
  for (const o of options) {
    try {
      await client.schedule.create(o);
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await client.schedule.getHandle(o.scheduleId).update((prev) => ({ ...prev, spec: o.spec, action: o.action, policies: o.policies }));
    }
  }
  return options.map((o) => o.scheduleId);
}

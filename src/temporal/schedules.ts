// Every recurring start is a Temporal Schedule, one of each kind per county, registered (or
// brought up to date) at start-up for every county in the database. The Schedules of the release
// before counties (ids without a county) are deleted first, so nothing runs twice.
import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions } from '@temporalio/client';
import { cadences } from '../core/cadences.js';
import { periodSchedule, uncountiedPeriodScheduleId, type ScheduleTarget } from './periodSchedules.js';
import { presenceSchedule, uncountiedPresenceScheduleId } from './presenceSchedule.js';
import { uncountiedYearEndScheduleId, yearEndSchedule } from './yearEndSchedule.js';
import { bulletinSchedule, uncountiedBulletinScheduleId } from './bulletinSchedule.js';
import { registerSweepSchedule } from './registerSweepSchedule.js';

export type { ScheduleTarget } from './periodSchedules.js';

/** The Schedules of one county. */
export function countySchedules(target: ScheduleTarget): ScheduleOptions[] {
  return [
    ...cadences.map((c) => periodSchedule(c, target)),
    yearEndSchedule(target),
    presenceSchedule(target),
    bulletinSchedule(target),
    registerSweepSchedule(target),
  ];
}

/** The ids the release before counties registered its one set of Schedules under. */
export function uncountiedScheduleIds(taskQueue: string): string[] {
  return [
    ...cadences.map((c) => uncountiedPeriodScheduleId(taskQueue, c)),
    uncountiedYearEndScheduleId(taskQueue),
    uncountiedPresenceScheduleId(taskQueue),
    uncountiedBulletinScheduleId(taskQueue),
  ];
}

/** Deletes the Schedules without a county; returns the ids it deleted. */
export async function deleteUncountiedSchedules(client: Client, taskQueue: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of uncountiedScheduleIds(taskQueue)) {
    try {
      await client.schedule.getHandle(id).delete();
      deleted.push(id);
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
  }
  return deleted;
}

/** Creates a county's Schedules, or brings existing ones up to date; returns their ids. */
export async function registerCountySchedules(client: Client, target: ScheduleTarget): Promise<string[]> {
  const options = countySchedules(target);
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

export interface RegisteredSchedules {
  /** Each county's Schedule ids. */
  byCounty: Record<string, string[]>;
  /** Schedules without a county, of the release before counties, deleted by this call. */
  deleted: string[];
}

/** At start-up: every county's Schedules, and none without a county. */
export async function registerSchedules(client: Client, taskQueue: string, timeZone: string, countyIds: string[]): Promise<RegisteredSchedules> {
  const deleted = await deleteUncountiedSchedules(client, taskQueue);
  const byCounty: Record<string, string[]> = {};
  for (const countyId of countyIds) byCounty[countyId] = await registerCountySchedules(client, { countyId, taskQueue, timeZone });
  return { byCounty, deleted };
}

// Activities of the monthly presence tracking: the launcher's plan, the counted days, the
// reminders and the month's record. Workflows pass the instant (`asOf`), so counting follows
// workflow time and a replay or a retry counts the same.
import { bureauHead } from '../core/recipients.js';
import { countedDays, judgeMonth, localMonth, nextMonthStart, reminderDates, workingDaysLeft, zonedInstant, type VisitStatus } from '../core/presenceMonth.js';
import { officesOn } from '../db/offices.js';
import { ruleSetInForce } from '../db/ruleSets.js';
import { defaultTimeZone } from '../core/periodBounds.js';
import { daysMs } from '../core/time.js';
import { presenceReminderText, presenceViolationText } from '../notices/presenceText.js';
import type { PresenceMonthStart } from '../contracts/presence.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';
import { publishOnce } from './publishOnce.js';
import { systemActor } from './actor.js';
import { legacyCountyId } from '../db/cycles.js';

/** Reminders go out at this local hour; the month is judged at local midnight once its last visits have had time to be answered. */
const reminderHour = 9;

export interface PresenceMonthInput {
  /** The leader's county (a leader belongs to one); months planned before counties have none: the leader's row says. */
  countyId?: string;
  leaderId: string;
  communityId: string;
  month: string;
  minDays: number;
  confirmationDays: number;
  holidays: string[];
  reminders: { date: string; at: string }[];
  /** When the month is judged: the next month's first midnight plus the confirmation days. */
  judgeAt: string;
}

export interface PresencePlan {
  month: string;
  months: PresenceMonthInput[];
  next?: string;
}

type Counting = Pick<PresenceMonthInput, 'leaderId' | 'month' | 'confirmationDays'> & { asOf: string };

export function presenceActivities(deps: ActivityDeps) {
  const { db } = deps;

  /** The county a leader belongs to. */
  async function countyOfLeader(leaderId: string, given?: string): Promise<string> {
    if (given) return given;
    return (await db.leader.findUnique({ where: { id: leaderId }, select: { countyId: true } }))?.countyId ?? legacyCountyId;
  }

  /** The month's timing by the county's rule set in force on its first day: minimum, reminders, when it is judged. */
  async function timingOf(month: string, timeZone: string, countyId: string) {
    const {
      ruleSet: { parameters: p },
    } = await ruleSetInForce(db, countyId, `${month}-01`);
    return {
      month,
      minDays: p.presenceDaysPerMonth,
      confirmationDays: p.visitConfirmationDays,
      holidays: p.publicHolidays.filter((d) => d.startsWith(month)),
      reminders: reminderDates(month, p.presenceReminderDays).map((date) => ({ date, at: zonedInstant(date, reminderHour, timeZone) })),
      judgeAt: new Date(Date.parse(zonedInstant(nextMonthStart(month), 0, timeZone)) + daysMs(p.visitConfirmationDays)).toISOString(),
    };
  }

  async function daysOf({ leaderId, month, confirmationDays, asOf }: Counting): Promise<string[]> {
    const visits = await db.visit.findMany({ where: { leaderId, date: { startsWith: month } }, select: { date: true, status: true, createdAt: true } });
    return countedDays(
      visits.map((v) => ({ date: v.date, status: v.status as VisitStatus, loggedAt: v.createdAt.toISOString() })),
      month,
      asOf,
      confirmationDays,
    );
  }

  async function names(countyId: string, leaderId: string, communityId: string) {
    const nameOf = await nameLookup(db, countyId);
    return { leader: nameOf('leader', leaderId), community: nameOf('community', communityId) };
  }

  return {
    /** A page of the county's leaders bound in the month, each with its timing, for the launcher to start. A run from before counties plans the first county's. */
    async presencePlan({
      at,
      timeZone,
      month: given,
      after,
      limit,
      countyId = legacyCountyId,
    }: {
      at: string;
      timeZone: string;
      month?: string;
      after?: string;
      limit: number;
      countyId?: string;
    }): Promise<PresencePlan> {
      const month = given ?? localMonth(at, timeZone);
      const bound = (await officesOn(db, `${month}-01`, countyId))
        .flatMap((o) => (o.leader ? [{ leaderId: o.leader, communityId: o.id }] : []))
        .sort((a, b) => a.leaderId.localeCompare(b.leaderId))
        .filter((l) => after === undefined || l.leaderId > after);
      const page = bound.slice(0, limit);
      const timing = await timingOf(month, timeZone, countyId);
      return { month, months: page.map((l) => ({ countyId, ...l, ...timing })), next: bound.length > limit ? page.at(-1)!.leaderId : undefined };
    },

    /**
     * The month of a leader whose visit started it (the launcher had not): planned at `at`, so no
     * reminder already past goes out, and judged no sooner than the visit can have been answered.
     */
    async presenceMonthPlan({ leaderId, communityId, month, at }: PresenceMonthStart & { at: string }): Promise<PresenceMonthInput> {
      const countyId = await countyOfLeader(leaderId);
      const timing = await timingOf(month, deps.timeZone ?? defaultTimeZone, countyId);
      const now = Date.parse(at);
      const judgeAt = Math.max(Date.parse(timing.judgeAt), now + daysMs(timing.confirmationDays));
      return {
        countyId,
        leaderId,
        communityId,
        ...timing,
        reminders: timing.reminders.filter((r) => Date.parse(r.at) > now),
        judgeAt: new Date(judgeAt).toISOString(),
      };
    },

    async presenceDays(input: Counting): Promise<string[]> {
      return daysOf(input);
    },

    /** Reminds a leader still short of days; returns the days counted and the reminder's id if one went out. */
    async remindPresence(input: PresenceMonthInput & { date: string; asOf: string }): Promise<{ days: string[]; published?: string }> {
      const days = await daysOf(input);
      if (days.length >= input.minDays) return { days };
      const id = `presence/${input.leaderId}/${input.month}/reminder/${input.date}`;
      const facts = {
        month: input.month,
        date: input.date,
        days: days.length,
        required: input.minDays,
        workingDaysLeft: workingDaysLeft(input.date, input.holidays),
      };
      const countyId = await countyOfLeader(input.leaderId, input.countyId);
      const { leader, community } = await names(countyId, input.leaderId, input.communityId);
      await publishOnce(deps, systemActor(countyId, 'presenceMonth'), {
        id,
        countyId,
        kind: 'presence-reminder',
        about: input.leaderId,
        recipients: [{ type: 'leader', id: input.leaderId }],
        facts,
        ...presenceReminderText(leader, community, facts),
      });
      return { days, published: id };
    },

    /** Records the month; a non-compliant one is circulated to the leader and the bureau. */
    async recordPresence(input: PresenceMonthInput & { asOf: string }): Promise<{ days: number; compliant: boolean; published?: string }> {
      const days = await daysOf(input);
      const { compliant } = judgeMonth(input.leaderId, input.month, days, input.minDays);
      const row = { communityId: input.communityId, days: days.length, required: input.minDays, compliant, countedDays: days };
      await db.presenceMonth.upsert({
        where: { leaderId_month: { leaderId: input.leaderId, month: input.month } },
        create: { leaderId: input.leaderId, month: input.month, ...row },
        update: row,
      });
      if (compliant) return { days: days.length, compliant };
      const id = `presence/${input.leaderId}/${input.month}/violation`;
      const facts = { month: input.month, days: days.length, required: input.minDays, countedDays: days };
      const countyId = await countyOfLeader(input.leaderId, input.countyId);
      const { leader, community } = await names(countyId, input.leaderId, input.communityId);
      await publishOnce(deps, systemActor(countyId, 'presenceMonth'), {
        id,
        countyId,
        kind: 'presence-violation',
        about: input.leaderId,
        recipients: [{ type: 'leader', id: input.leaderId }, bureauHead],
        facts,
        ...presenceViolationText(leader, community, facts),
      });
      return { days: days.length, compliant, published: id };
    },
  };
}

// Which figures of a cycle's period are still missing, and chasing the departments that owe them.
import { PermanentFailure } from '../core/failures.js';
import { defaultTimeZone, outOfBounds, periodSpan } from '../core/periodBounds.js';
import { parsePeriod, periodEnd, type PeriodRef } from '../core/calendar.js';
import { countyOfCycle, cycleIdInCounty, findCycle, legacyCountyId, openedCycle, reopenFailedCycle } from '../db/cycles.js';
import { missingFigures } from '../db/figureCompleteness.js';
import { officesOn } from '../db/offices.js';
import { figuresOf } from '../db/periodInputs.js';
import { cadenceInForce, ruleSetVersion } from '../db/ruleSets.js';
import type { MissingFigure } from '../contracts/cycles.js';
import type { ActivityDeps } from './deps.js';
import { nameLookup } from './names.js';
import { metricsMissingNoticeId } from '../contracts/notices.js';
import { renderNotice } from '../notices/render.js';
import { systemActor } from './actor.js';
import type { CycleKind } from '../contracts/cycles.js';

export function cyclePeriod(period: string): PeriodRef {
  try {
    return parsePeriod(period);
  } catch (err) {
    throw new PermanentFailure('InvalidCycleInput', `period: ${(err as Error).message}`);
  }
}

export function cyclePeriodEnd(period: string): string {
  return periodEnd(cyclePeriod(period));
}

export function figureActivities({ db, notifier, clock, timeZone = defaultTimeZone }: ActivityDeps) {
  async function missingFor({ countyId, period, ruleSetVersionId }: { countyId: string; period: string; ruleSetVersionId: number }): Promise<MissingFigure[]> {
    const { ruleSet } = await ruleSetVersion(db, ruleSetVersionId);
    const offices = await officesOn(db, cyclePeriodEnd(period), countyId);
    return missingFigures(
      ruleSet,
      offices.map((o) => o.id),
      await figuresOf(db, period, countyId),
    );
  }

  return {
    /**
     * Records the cycle and the rule-set version in force at the end of its period, once, and
     * reopens a cycle that failed before under the version then in force. A period that has not ended, of a year out of bounds,
     * or a month or half-year that version does not evaluate, fails for good.
     */
    async openCycle(input: { cycleId: string; period: string; countyId?: string }) {
      const period = cyclePeriod(input.period);
      const bounds = outOfBounds(periodSpan(period), clock(), timeZone);
      if (bounds) throw new PermanentFailure(bounds.type, bounds.message);
      let cycle = await db.cycle.findUnique({ where: { id: input.cycleId } });
      const countyId = countyOfCycle(input.cycleId, cycle, input.countyId);
      if (!cycle) {
        const other = await findCycle(db, countyId, period.cadence, input.period);
        if (other)
          throw new PermanentFailure(
            'InvalidCycleInput',
            `the ${period.cadence} cycle of ${input.period} in county ${countyId} is ${other.id}, not ${input.cycleId}`,
          );
      }
      if (!cycle || cycle.status === 'failed') {
        const inForce = await cadenceInForce(db, countyId, period);
        if (!inForce.evaluated) throw new PermanentFailure('InvalidCycleInput', inForce.reason!);
        cycle = cycle
          ? await reopenFailedCycle(db, cycle.id, systemActor(countyId, 'periodEvaluation'), inForce.version.id)
          : await db.cycle.upsert({
              where: { id: input.cycleId },
              create: { id: input.cycleId, countyId, kind: period.cadence, period: input.period, status: 'collecting', ruleSetVersionId: inForce.version.id },
              update: {},
            });
      }
      const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
      return {
        ruleSetVersionId: cycle.ruleSetVersionId,
        deadlineDays: ruleSet.parameters.metricsDeadlineDays,
        missing: await missingFor(cycle),
      };
    },

    /** Asked by a Schedule's launcher before it starts a month's or half-year's cycle of its county. */
    async cadenceInForce(input: { period: string; countyId?: string }): Promise<{ evaluated: boolean; reason?: string }> {
      const { evaluated, reason } = await cadenceInForce(db, input.countyId ?? legacyCountyId, cyclePeriod(input.period));
      return { evaluated, reason };
    },

    /**
     * Asked by a Schedule's launcher: the id its county's period runs under (that of a cycle made
     * before counties, if there is one) and the county's name, for the cycle's summary.
     */
    async cycleToStart(input: { countyId: string; kind: CycleKind; period: string }): Promise<{ cycleId: string; countyName: string }> {
      const county = await db.county.findUnique({ where: { id: input.countyId } });
      return { cycleId: await cycleIdInCounty(db, input.countyId, input.kind, input.period), countyName: county?.name ?? input.countyId };
    },

    async findMissingFigures(input: { cycleId: string }): Promise<MissingFigure[]> {
      return missingFor(await openedCycle(db, input.cycleId));
    },

    /** One notice per department that owes figures, keyed so a retry sends nothing twice. */
    async requestMissingFigures(input: { cycleId: string; period: string; missing: MissingFigure[]; deadline: string }) {
      const cycle = await openedCycle(db, input.cycleId);
      const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
      const nameOf = await nameLookup(db, cycle.countyId);
      const bySource = new Map<string, MissingFigure[]>();
      for (const m of input.missing) bySource.set(m.source, [...(bySource.get(m.source) ?? []), m]);
      await db.$transaction(async (tx) => {
        for (const [source, owed] of bySource) {
          const facts = {
            period: input.period,
            deadline: input.deadline,
            figures: owed.map((m) => ({
              community: m.community,
              metric: m.metric,
              label: ruleSet.scoring.metrics[m.metric as keyof typeof ruleSet.scoring.metrics]?.label ?? m.metric,
            })),
          };
          const notice = { kind: 'metrics-missing' as const, about: source, recipients: [{ type: 'department' as const, id: source }], facts };
          const id = metricsMissingNoticeId(input.cycleId, source);
          await notifier.publish(tx, { id, countyId: cycle.countyId, cycleId: input.cycleId, ...notice, ...renderNotice(notice, nameOf, timeZone) });
        }
      });
      return { departments: [...bySource.keys()] };
    },
  };
}

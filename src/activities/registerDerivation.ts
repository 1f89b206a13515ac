// The figures a cycle's rule set derives from the population register (metric `derivation`):
// computed from the register as it stood at the period's end, a page of communities at a time,
// and stored as the register's submissions with the counts they came from. Deriving again
// leaves them as they are unless the register's records for that day changed.
import { isDeepStrictEqual } from 'node:util';
import { deriveRate, derivedCounts, derivedMetrics } from '../core/registerRates.js';
import type { MissingFigure } from '../contracts/cycles.js';
import { openedCycle } from '../db/cycles.js';
import { officesOn } from '../db/offices.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import { registerSnapshots } from '../register/snapshot.js';
import type { ActivityDeps } from './deps.js';
import { cyclePeriodEnd } from './figures.js';

/** Who a derived figure is submitted by, and its actor. */
export const registerSubmitter = 'register';

/** Communities read together: one query per register table per page. */
const pageSize = 50;

export function registerDerivationActivities({ db }: ActivityDeps) {
  return {
    /**
     * Derives the cycle's register figures for every office evaluated at the period's end. Returns
     * the figures that could not be derived (nobody present to count): gaps no department owes.
     * A decided cycle's figures stay as they were decided.
     */
    async deriveRegisterFigures(input: { cycleId: string }): Promise<{ derived: number; gaps: MissingFigure[] }> {
      const cycle = await openedCycle(db, input.cycleId);
      const { ruleSet } = await ruleSetVersion(db, cycle.ruleSetVersionId);
      const metrics = derivedMetrics(ruleSet.scoring);
      const date = cyclePeriodEnd(cycle.period);
      const offices = (await officesOn(db, date, cycle.countyId)).map((o) => o.id);
      const gaps: MissingFigure[] = [];
      let derived = 0;
      if (metrics.length === 0) return { derived, gaps };
      for (let i = 0; i < offices.length; i += pageSize) {
        const page = offices.slice(i, i + pageSize);
        const snapshots = await registerSnapshots(db, cycle.countyId, page, date, ruleSet.register.talkIntervalDays);
        // Read with the writes, so that only the figures that changed are written: none when the
        // records did not, a single insert for a page derived the first time.
        await db.$transaction(
          async (tx) => {
            const held = await tx.metricSubmission.findMany({
              where: { period: cycle.period, communityId: { in: page }, metric: { in: metrics.map((m) => m.metric) } },
              select: { communityId: true, metric: true, value: true, submittedBy: true, actor: true, derivation: true },
            });
            const heldOf = new Map(held.map(({ communityId, metric, ...row }) => [`${communityId} ${metric}`, row]));
            const created = [];
            for (const communityId of page) {
              for (const { metric, derivation } of metrics) {
                const where = { period: cycle.period, communityId, metric };
                const before = heldOf.get(`${communityId} ${metric}`);
                const d = deriveRate(derivation, snapshots.get(communityId)!, date, ruleSet.register.talkIntervalDays);
                if (d.value === null) {
                  gaps.push({ community: communityId, metric, source: registerSubmitter });
                  if (before && cycle.status !== 'decided') await tx.metricSubmission.delete({ where: { period_communityId_metric: where } });
                  continue;
                }
                derived++;
                if (cycle.status === 'decided') continue;
                const row = { value: d.value, submittedBy: registerSubmitter, actor: registerSubmitter, derivation: derivedCounts(d) as object };
                if (!before) created.push({ countyId: cycle.countyId, ...where, ...row });
                else if (!isDeepStrictEqual(before, row)) await tx.metricSubmission.update({ where: { period_communityId_metric: where }, data: row });
              }
            }
            await tx.metricSubmission.createMany({ data: created });
          },
          // A page's updates one by one, when many records changed, on a busy database.
          { timeout: 60_000, maxWait: 30_000 },
        );
      }
      return { derived, gaps };
    },
  };
}

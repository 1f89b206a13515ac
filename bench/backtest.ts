// Back-testing a rule change on four quarters and the year of a large county, with src/deciding as
// both the API and simulate run it:
//   tsx bench/backtest.ts <offices>
// What was decided (under the shipped rules) is prepared untimed; the timed part re-decides the
// four quarters and the year under the candidate and compares.
import { compareDecided, decidedPeriod, decidedYear, type DecidedPeriod } from '../src/core/backtest.js';
import { carryOver } from '../src/core/standings.js';
import type { PreviousPeriod, PeriodOutcome } from '../src/core/types.js';
import { decideQuarter } from '../src/deciding/period.js';
import { decideYear } from '../src/deciding/year.js';
import { loadDefaultRuleSet, parseRuleSet, type RuleSet } from '../src/rules/ruleSet.js';
import { syntheticCounty } from './county.js';

const offices = Number(process.argv[2] ?? 10_000);
const county = syntheticCounty(offices);
const quarters = [1, 2, 3, 4].map((q) => syntheticCounty(offices, q).figures);

const shipped = loadDefaultRuleSet();
const candidateDoc = structuredClone(shipped) as any;
candidateDoc.rules.quarterly[1].conditions.all[2].value = 75;
candidateDoc.rules.yearEnd.push({
  name: 'year-rank-4-5',
  conditions: {
    all: [
      { fact: 'yearRank', operator: 'greaterThanInclusive', value: 4 },
      { fact: 'yearRank', operator: 'lessThanInclusive', value: 5 },
    ],
  },
  event: { type: 'reward', params: { amount: 300, honours: ['reserve-talent-pool'] } },
});
const candidate = parseRuleSet(candidateDoc, 'bench candidate');

async function decideYearUnder(ruleSet: RuleSet): Promise<DecidedPeriod[]> {
  const periods: DecidedPeriod[] = [];
  const scores: Record<string, number[]> = {};
  let previous: PreviousPeriod | undefined;
  for (const [i, figures] of quarters.entries()) {
    const outcome: PeriodOutcome = await decideQuarter(
      { year: 2026, quarter: i + 1, offices: county.offices, figures, ...(previous ? { previous } : {}) },
      ruleSet,
    );
    previous = carryOver(outcome);
    periods.push(decidedPeriod(outcome));
    for (const r of outcome.ranking) (scores[r.community] ??= []).push(r.score);
  }
  const year = await decideYear({ year: 2026, offices: county.offices, quarterScores: scores }, ruleSet);
  periods.push(decidedYear(2026, year.ranking, year.rewards));
  return periods;
}

const actual = await decideYearUnder(shipped);
const started = performance.now();
const report = compareDecided(actual, await decideYearUnder(candidate));
const wallMs = performance.now() - started;
if (report.totals.rewards.change <= 0) throw new Error('the candidate should reward more');
console.log(JSON.stringify({ offices, wallMs, officesChanged: report.totals.officesChanged, peakRssMiB: process.resourceUsage().maxRSS / 1024 }));

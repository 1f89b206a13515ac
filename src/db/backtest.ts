// Re-decides every decided period (month, quarter, half-year; and each complete year) of one
// county under a candidate rule set, from the stored figures and the county as it stood, and
// compares with what was decided. Read-only.
import { compareDecided, decidedPeriod, decidedYear, emptyPeriod, type BacktestReport, type DecidedPeriod } from '../core/backtest.js';
import { cadences } from '../core/cadences.js';
import { formatPeriod, parsePeriod, periodEnd, previousPeriod } from '../core/calendar.js';
import { carryOver } from '../core/standings.js';
import { decidePeriod } from '../deciding/period.js';
import { periodRules } from '../rules/ruleSet.js';
import type { Office, PreviousPeriod, PeriodOutcome } from '../core/types.js';
import { decideYear } from '../deciding/year.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Db } from './client.js';
import { officesOn } from './offices.js';
import { figuresOf, previousPeriodOf, quarterScoresOf } from './periodInputs.js';
import { ruleSetInForce } from './ruleSets.js';
import { fromFen } from '../core/money.js';

async function storedPeriod(db: Db, cycleId: string, period: string, offices: Office[]): Promise<DecidedPeriod> {
  const decided = emptyPeriod(period);
  const [evaluations, decisions] = await Promise.all([
    db.evaluation.findMany({ where: { cycleId, supersededAt: null } }),
    db.decision.findMany({ where: { cycleId, supersededAt: null } }),
  ]);
  for (const e of evaluations) {
    decided.ranks[e.communityId] = e.rank;
    decided.scores[e.communityId] = e.score;
  }
  for (const o of offices) for (const officer of o.officers) decided.officeOf[officer] = o.id;
  for (const d of decisions) {
    if (d.type === 'subsidy') decided.subsidies[d.subjectId] = fromFen(d.amountFen ?? 0);
    if (d.type === 'sanction') (decided.sanctions[d.subjectId] ??= []).push(d.kind);
    if (d.type === 'reward') decided.rewards[d.subjectId] = fromFen(d.amountFen ?? 0);
  }
  for (const kinds of Object.values(decided.sanctions)) kinds.sort();
  return decided;
}

/**
 * A year's rewards as decided by its year-end cycle; before that cycle has run, as the rules in
 * force at the year's end would decide them from the stored scores (`projected`).
 */
async function actualYear(db: Db, countyId: string, year: number, offices: Office[]): Promise<{ period: DecidedPeriod; basis: 'decided' | 'projected' }> {
  const { quarterScores } = await quarterScoresOf(db, year, countyId);
  const { ruleSet } = await ruleSetInForce(db, countyId, `${year}-12-31`);
  const projected = await decideYear({ year, offices, quarterScores }, ruleSet);
  const period = decidedYear(year, projected.ranking, projected.rewards);
  const yearEnd = await db.cycle.findFirst({ where: { countyId, kind: 'year-end', period: String(year) } });
  const stored = yearEnd ? await db.decision.findMany({ where: { cycleId: yearEnd.id, type: 'reward' } }) : [];
  if (stored.length === 0 && yearEnd?.status !== 'decided') return { period, basis: 'projected' };
  period.rewards = Object.fromEntries(stored.map((d) => [d.subjectId, fromFen(d.amountFen ?? 0)]));
  return { period, basis: 'decided' };
}

export interface StoredBacktest extends BacktestReport {
  years: { year: number; basis: 'decided' | 'projected' }[];
}

export async function backtestStored(db: Db, countyId: string, candidate: RuleSet): Promise<StoredBacktest> {
  const cycles = await db.cycle.findMany({
    where: { countyId, kind: { in: [...cadences] }, status: 'decided' },
    orderBy: [{ kind: 'asc' }, { period: 'asc' }],
  });
  const actual: DecidedPeriod[] = [];
  const redecided: DecidedPeriod[] = [];
  const scoresByYear = new Map<number, { quarters: Set<number>; scores: Record<string, number[]> }>();
  // Cycles come ordered by cadence, then period: the outcome before is of the same cadence.
  let before: { period: string; outcome: PeriodOutcome } | undefined;
  for (const cycle of cycles) {
    const period = parsePeriod(cycle.period);
    const offices = await officesOn(db, periodEnd(period), countyId);
    actual.push(await storedPeriod(db, cycle.id, cycle.period, offices));
    // A month or half-year the candidate does not evaluate would have decided nothing.
    if (!periodRules(candidate, period.cadence)) {
      redecided.push(emptyPeriod(cycle.period));
      before = undefined;
      continue;
    }
    // The candidate's own last places carry into its next period, as they would have in reality.
    const follows = before?.period === formatPeriod(previousPeriod(period));
    const previous: PreviousPeriod = follows ? carryOver(before!.outcome) : await previousPeriodOf(db, period, countyId);
    const figures = await figuresOf(db, cycle.period, countyId);
    const outcome = await decidePeriod({ period, offices, figures, previous }, candidate);
    before = { period: cycle.period, outcome };
    redecided.push(decidedPeriod(outcome));
    if (period.cadence !== 'quarterly') continue;
    const entry = scoresByYear.get(period.year) ?? { quarters: new Set(), scores: {} };
    entry.quarters.add(period.index);
    for (const r of outcome.ranking) (entry.scores[r.community] ??= []).push(r.score);
    scoresByYear.set(period.year, entry);
  }
  const years: StoredBacktest['years'] = [];
  for (const [year, { quarters, scores }] of scoresByYear) {
    if (!quarters.has(4)) continue;
    const offices = await officesOn(db, `${year}-12-31`, countyId);
    const yearOutcome = await decideYear({ year, offices, quarterScores: scores }, candidate);
    const { period, basis } = await actualYear(db, countyId, year, offices);
    actual.push(period);
    redecided.push(decidedYear(year, yearOutcome.ranking, yearOutcome.rewards));
    years.push({ year, basis });
  }
  return { ...compareDecided(actual, redecided), years };
}

// Re-decides every decided quarter (and each complete year) under a candidate rule set, from the
// stored figures and the county as it stood, and compares with what was decided. Read-only.
import { figuresOf, previousQuarterOf } from '../activities/decide.js';
import { compareDecided, decidedQuarter, decidedYear, emptyPeriod, type BacktestReport, type DecidedPeriod } from '../core/backtest.js';
import { parseQuarterPeriod, quarterEnd } from '../core/periods.js';
import { carryOver, decideQuarter } from '../core/quarter.js';
import type { Office, PreviousQuarter, QuarterOutcome } from '../core/types.js';
import { decideYear } from '../core/year.js';
import type { RuleSet } from '../rules/ruleSet.js';
import type { Db } from './client.js';
import { officesOn } from './offices.js';
import { ruleSetInForce } from './ruleSets.js';

async function storedQuarter(db: Db, cycleId: string, period: string, offices: Office[]): Promise<DecidedPeriod> {
  const decided = emptyPeriod(period);
  const [evaluations, decisions] = await Promise.all([
    db.evaluation.findMany({ where: { cycleId } }),
    db.decision.findMany({ where: { cycleId } }),
  ]);
  for (const e of evaluations) decided.ranks[e.communityId] = e.rank;
  for (const o of offices) for (const officer of o.officers) decided.officeOf[officer] = o.id;
  for (const d of decisions) {
    if (d.type === 'subsidy') decided.subsidies[d.subjectId] = (d.amountFen ?? 0) / 100;
    if (d.type === 'sanction') (decided.sanctions[d.subjectId] ??= []).push(d.kind);
    if (d.type === 'reward') decided.rewards[d.subjectId] = (d.amountFen ?? 0) / 100;
  }
  for (const kinds of Object.values(decided.sanctions)) kinds.sort();
  return decided;
}

/**
 * A year's rewards as decided by its year-end cycle; before that cycle has run, as the rules in
 * force at the year's end would decide them from the stored scores (`projected`).
 */
async function actualYear(db: Db, year: number, offices: Office[]): Promise<{ period: DecidedPeriod; basis: 'decided' | 'projected' }> {
  const evaluations = await db.evaluation.findMany({ where: { period: { startsWith: `${year}-Q` } }, orderBy: { period: 'asc' } });
  const quarterScores: Record<string, number[]> = {};
  for (const e of evaluations) (quarterScores[e.communityId] ??= []).push(e.score);
  const { ruleSet } = await ruleSetInForce(db, `${year}-12-31`);
  const projected = await decideYear({ year, offices, quarterScores }, ruleSet);
  const period = decidedYear(year, projected.ranking, projected.rewards);
  const stored = await db.decision.findMany({ where: { cycleId: `year-end-${year}`, type: 'reward' } });
  if (stored.length === 0 && !(await db.cycle.findFirst({ where: { id: `year-end-${year}`, status: 'decided' } }))) return { period, basis: 'projected' };
  period.rewards = Object.fromEntries(stored.map((d) => [d.subjectId, (d.amountFen ?? 0) / 100]));
  return { period, basis: 'decided' };
}

export interface StoredBacktest extends BacktestReport { years: { year: number; basis: 'decided' | 'projected' }[] }

export async function backtestStored(db: Db, candidate: RuleSet): Promise<StoredBacktest> {
  const cycles = await db.cycle.findMany({ where: { kind: 'quarterly', status: 'decided' }, orderBy: { period: 'asc' } });
  const actual: DecidedPeriod[] = [];
  const redecided: DecidedPeriod[] = [];
  const scoresByYear = new Map<number, { quarters: Set<number>; scores: Record<string, number[]> }>();
  let before: { year: number; quarter: number; outcome: QuarterOutcome } | undefined;
  for (const cycle of cycles) {
    const { year, quarter } = parseQuarterPeriod(cycle.period);
    const offices = await officesOn(db, quarterEnd(year, quarter));
    const follows = before && (before.year * 4 + before.quarter + 1 === year * 4 + quarter);
    // The candidate's own last places carry into its next quarter, as they would have in reality.
    const previous: PreviousQuarter = follows ? carryOver(before!.outcome) : await previousQuarterOf(db, year, quarter);
    const outcome = await decideQuarter({ year, quarter, offices, figures: await figuresOf(db, cycle.period), previous }, candidate);
    before = { year, quarter, outcome };
    actual.push(await storedQuarter(db, cycle.id, cycle.period, offices));
    redecided.push(decidedQuarter(outcome));
    const entry = scoresByYear.get(year) ?? { quarters: new Set(), scores: {} };
    entry.quarters.add(quarter);
    for (const r of outcome.ranking) (entry.scores[r.community] ??= []).push(r.score);
    scoresByYear.set(year, entry);
  }
  const years: StoredBacktest['years'] = [];
  for (const [year, { quarters, scores }] of scoresByYear) {
    if (!quarters.has(4)) continue;
    const offices = await officesOn(db, `${year}-12-31`);
    const yearOutcome = await decideYear({ year, offices, quarterScores: scores }, candidate);
    const { period, basis } = await actualYear(db, year, offices);
    actual.push(period);
    redecided.push(decidedYear(year, yearOutcome.ranking, yearOutcome.rewards));
    years.push({ year, basis });
  }
  return { ...compareDecided(actual, redecided), years };
}

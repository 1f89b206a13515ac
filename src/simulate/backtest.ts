// `simulate --rules`: the scenario's year under the shipped rules against the same year under the
// given ones, compared exactly as POST /api/rulesets/{id}/backtest compares stored periods.
import { compareDecided, decidedPeriod, decidedYear, type BacktestReport } from '../core/backtest.js';
import type { simulateScenario } from './run.js';

type Report = Awaited<ReturnType<typeof simulateScenario>>;

function periodsOf(report: Report) {
  return [...report.quarters.map(decidedPeriod), decidedYear(report.year.year, report.year.ranking, report.year.rewards)];
}

export function backtestReports(baseline: Report, candidate: Report): BacktestReport {
  return compareDecided(periodsOf(baseline), periodsOf(candidate));
}

// `npm run --silent simulate -- <scenario.json> [--rules <rules.json>] [--as-of YYYY-MM-DD]`
// stdout carries the report and nothing else; every problem with the input files exits 2 with a
// message naming the file, the JSON path and what was expected.
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/calendar.js';
import { InvalidFigureError } from '../core/scoring.js';
import { DocumentError } from '../rules/documentError.js';
import { loadDefaultRuleSet, loadRuleSetFile } from '../rules/ruleSet.js';
import { backtestReports } from './backtest.js';
import { defaultAsOf, simulateScenario } from './run.js';
import { loadScenarioFile } from './scenario.js';

const usage = 'usage: simulate <scenario.json> [--rules <rules.json>] [--as-of YYYY-MM-DD]';

class UsageError extends Error {}

function parseCommandLine(args: string[]): { scenario: string; rules?: string; asOf?: string } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { rules: { type: 'string' }, 'as-of': { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file, got ${positionals.length}`);
  const asOf = values['as-of'];
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got "${asOf}"`);
  return { scenario: positionals[0]!, ...(values.rules ? { rules: values.rules } : {}), ...(asOf ? { asOf } : {}) };
}

async function main(args: string[]): Promise<number> {
  let scenarioPath = '';
  try {
    const options = parseCommandLine(args);
    scenarioPath = options.scenario;
    const ruleSet = options.rules ? loadRuleSetFile(options.rules) : loadDefaultRuleSet();
    const scenario = loadScenarioFile(options.scenario, ruleSet.scoring);
    const asOf = options.asOf ?? defaultAsOf(scenario.year);
    const report = await simulateScenario(scenario, ruleSet, asOf);
    // With --rules the report also says what the change does against the shipped rules.
    const backtest = options.rules ? { backtest: backtestReports(await simulateScenario(scenario, loadDefaultRuleSet(), asOf), report) } : {};
    process.stdout.write(`${JSON.stringify({ ...report, ...backtest }, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) process.stderr.write(`simulate: ${err.message}\n${usage}\n`);
    else if (err instanceof DocumentError) process.stderr.write(`simulate: ${err.message}\n`);
    // The scenario checks mirror the core's, so this is a safety net rather than a path taken.
    else if (err instanceof InvalidFigureError) process.stderr.write(`simulate: ${scenarioPath}: ${err.message}\n`);
    else throw err;
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));

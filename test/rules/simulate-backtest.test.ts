// `simulate --rules` with the clerk's change reports what it does against the shipped rules.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { topFiveThreshold75 } from '../support/ruleChanges.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const countyFile = join(repo, '../shared/domain/scenarios/county-2026.json');

describe('simulate --rules', () => {
  it('adds a back-test against the shipped rules: two more rewards, one reassignment fewer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-backtest-'));
    const rules = join(dir, 'rules.json');
    const scenario = join(dir, 'county.json');
    writeFileSync(rules, JSON.stringify(topFiveThreshold75()));
    // c07 was last in 2025-Q4 too, so the shipped rules reassign it in Q1 with a score between 75 and 80.
    writeFileSync(scenario, JSON.stringify({ ...JSON.parse(readFileSync(countyFile, 'utf8')), history: [{ year: 2025, quarter: 4, last: ['c07'] }] }));
    const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['src/simulate/cli.ts', scenario, '--rules', rules], { cwd: repo, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const { backtest } = JSON.parse(run.stdout);
    expect(backtest.totals).toMatchObject({ rewards: { actual: 2300, candidate: 2900, change: 600 }, sanctions: { change: -1 }, subsidy: { change: 0 } });
    expect(backtest.periods.find((p: any) => p.period === '2026').offices.map((o: any) => o.community)).toEqual(['c03', 'c07']);
    expect(backtest.periods.find((p: any) => p.period === '2026-Q1').offices).toEqual([
      expect.objectContaining({
        community: 'c07',
        sanctions: expect.objectContaining({ removed: ['rural-reassignment'], added: [] }),
      }),
    ]);
  });

  it('adds no back-test without --rules', () => {
    const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['src/simulate/cli.ts', countyFile], { cwd: repo, encoding: 'utf8' });
    expect(JSON.parse(run.stdout)).not.toHaveProperty('backtest');
  });
});

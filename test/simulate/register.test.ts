// Register snapshots in a simulate scenario: the rates a rule set derives come from them at each
// quarter's end by the same functions the cycle uses, with their counts in the breakdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { simulateScenario } from '../../src/simulate/run.js';
import { parseScenario, ScenarioError } from '../../src/simulate/scenario.js';
import { withDerivedRates, workedExample } from '../support/registerExample.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const derivedRules = withDerivedRates();
const community = (id: string) => ({ id, population: 18000, complexity: 2, officers: [`${id}-o`] });
const handFigures = { satisfaction: 0.9, familiarity: 0.8, incidents: 10, prevention: 0.7, clues: 5 };
const scenario = {
  year: 2026,
  communities: [community('c01'), community('c02')],
  officers: [{ id: 'c01-o' }, { id: 'c02-o' }],
  quarters: [
    {
      quarter: 4,
      metrics: { c01: handFigures, c02: handFigures },
      // c02 keeps an empty register: nobody present (no registration figure), nobody listed (control 1).
      register: { c01: workedExample, c02: {} },
    },
  ],
};

describe('simulate with register snapshots', () => {
  it('derives both rates at the quarter end and shows their counts in the breakdown', async () => {
    const report = await simulateScenario(parseScenario(scenario, 'scenario.json', derivedRules.scoring), derivedRules);
    const byCommunity = Object.fromEntries(report.quarters[0]!.ranking.map((r) => [r.community, r]));
    expect(byCommunity.c01!.breakdown.registration).toMatchObject({
      value: 0.6,
      points: 60,
      derived: { numerator: 3, denominator: 5, counts: expect.objectContaining({ present: 5, registered: 3, temporaryUnregistered: 1 }) },
    });
    expect(byCommunity.c01!.breakdown.keyPersonControl).toMatchObject({
      value: 0.3333,
      points: 33.33,
      derived: { numerator: 1, denominator: 3, counts: { listed: 3, controlled: 1, helpGroupIncomplete: 1, talkOverdue: 1 } },
    });
    expect(byCommunity.c02!.breakdown.keyPersonControl).toMatchObject({ value: 1, derived: { numerator: 0, denominator: 0 } });
    expect(byCommunity.c02!.missing).toEqual(['registration']);
    expect(byCommunity.c01!.breakdown.satisfaction).not.toHaveProperty('derived');
  });

  it.each([
    [
      'a hand figure for a derived metric',
      { c01: { ...handFigures, registration: 0.9 } },
      derivedRules,
      '$.quarters[0].metrics.c01.registration',
      'derives it',
    ],
    [
      'a snapshot under rules deriving nothing',
      { c01: handFigures, c02: handFigures },
      loadDefaultRuleSet(),
      '$.quarters[0].register.c01',
      'deriving a metric',
    ],
  ])('refuses %s, naming the path', (_, metrics, rules, path, why) => {
    const bad = { ...scenario, quarters: [{ ...scenario.quarters[0], metrics }] };
    expect(() => parseScenario(bad, 'scenario.json', rules.scoring)).toThrow(ScenarioError);
    expect(() => parseScenario(bad, 'scenario.json', rules.scoring)).toThrow(new RegExp(`${path.replace(/[$.[\]]/g, '\\$&')}.*${why}`));
  });

  it('runs from the command line with the rules file that derives them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'simulate-register-'));
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify(scenario));
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(derivedRules));
    const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['src/simulate/cli.ts', join(dir, 'scenario.json'), '--rules', join(dir, 'rules.json')], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const c01 = JSON.parse(run.stdout).quarters[0].ranking.find((r: { community: string }) => r.community === 'c01');
    expect(c01.breakdown.registration.derived).toMatchObject({ numerator: 3, denominator: 5 });
  });
});

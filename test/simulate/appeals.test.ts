// Appeals in a simulate scenario: the shared county, its first quarter given as metrics, with
// that quarter's last office appealing, through the command as a black box and in-process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { simulateScenario } from '../../src/simulate/run.js';
import { parseScenario } from '../../src/simulate/scenario.js';
import { demoFigures } from '../support/figures.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const countyFile = resolve(repo, '../shared/domain/scenarios/county-2026.json');
const shared = JSON.parse(readFileSync(countyFile, 'utf8'));
const ruleSet = loadDefaultRuleSet();
// The shared county gives finished scores; a corrected figure needs the first quarter's metrics.
const metrics: Record<string, Record<string, number>> = {};
for (const f of demoFigures(shared.communities.map((c: { id: string }) => c.id))) (metrics[f.communityId] ??= {})[f.metric] = f.value;
const county = { ...shared, quarters: [{ quarter: 1, metrics }, ...shared.quarters.slice(1)] };

function simulate(scenario: unknown) {
  const file = join(mkdtempSync(join(tmpdir(), 'simulate-appeals-')), 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['src/simulate/cli.ts', file], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let plain: any;
let last: string;
let officer: string;
beforeAll(async () => {
  plain = await simulateScenario(parseScenario(county, countyFile, ruleSet.scoring), ruleSet);
  last = plain.quarters[0].ranking.find((r: any) => r.isLast).community;
  officer = county.communities.find((c: any) => c.id === last).officers[0];
});

const withAppeals = (appeals: object[]) => ({ ...structuredClone(county), appeals });

describe('simulate with appeals', () => {
  it('reports an overturned appeal: the quarter re-decided, the superseded decisions listed, and the quarter standing after it', async () => {
    const scenario = withAppeals([
      { quarter: 1, community: last, officer, contests: 'evaluation', metric: 'satisfaction', value: 1, outcome: 'overturned', reason: '满意率调查漏计' },
    ]);
    const run = simulate(scenario);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r).toEqual(await simulateScenario(parseScenario(scenario, 'scenario.json', ruleSet.scoring), ruleSet));

    const [appeal] = r.appeals;
    expect(appeal).toMatchObject({ appeal: 1, status: 'overturned', community: last });
    const newLast = appeal.redecision.ranking.find((x: any) => x.isLast).community;
    expect(newLast).not.toBe(last);
    // The last-place sanctions fall away from the appellant's office and fall on the new last office.
    const fallen = appeal.redecision.superseded
      .filter((s: any) => s.replacedBy === null)
      .map((s: any) => s.decision)
      .sort();
    expect(fallen).toEqual([`admonishment-talk/${last}`, `circulated-criticism/${last}`]);
    expect(appeal.redecision.added.sort()).toEqual([`admonishment-talk/${newLast}`, `circulated-criticism/${newLast}`]);
    expect(appeal.redecision.withdrawnNotices).toEqual([last]);
    expect(appeal.redecision.obligations.length).toBeGreaterThan(0);
    expect(appeal.explanation.zh).toContain('改判');
    expect(appeal.explanation.en).toContain(`${last} score`);
    // The quarter's report is what stands after the appeal, and the next quarter carries it over.
    expect(r.quarters[0].ranking.map((x: any) => [x.community, x.score, x.rank])).toEqual(
      appeal.redecision.ranking.map((x: any) => [x.community, x.score, x.rank]),
    );
    expect(r.quarters[0].ranking).not.toEqual(plain.quarters[0].ranking);
  });

  it('reports an upheld appeal and changes nothing', async () => {
    const r = await simulateScenario(
      parseScenario(
        withAppeals([
          { quarter: 1, community: last, officer, contests: 'decision', decision: `circulated-criticism/${last}`, outcome: 'upheld', reason: '排名无误' },
        ]),
        'scenario.json',
        ruleSet.scoring,
      ),
      ruleSet,
    );
    expect(r.appeals![0]).toMatchObject({ status: 'upheld', explanation: { en: expect.stringContaining('upheld') } });
    expect(r.quarters).toEqual(plain.quarters);
  });

  it('refuses malformed appeals with exit code 2 naming the path', () => {
    const onScore = simulate({
      ...withAppeals([{ quarter: 2, community: last, officer, contests: 'evaluation', metric: 'satisfaction', value: 1, outcome: 'overturned', reason: 'x' }]),
    });
    expect(onScore.status).toBe(2);
    expect(onScore.stderr).toContain('$.appeals[0].metric: expected the quarter to give');
    const bad = simulate(withAppeals([{ quarter: 1, community: last, officer: 'nobody', contests: 'evaluation', outcome: 'upheld', reason: 'x' }]));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('$.appeals[0].officer');
    const noFigure = simulate(withAppeals([{ quarter: 1, community: last, officer, contests: 'evaluation', outcome: 'overturned', reason: 'x' }]));
    expect(noFigure.status).toBe(2);
    expect(noFigure.stderr).toContain('$.appeals[0].metric');
  });
});

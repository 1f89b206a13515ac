// The simulate command as a black box: run as a child process, compared with the expected
// outcomes that sit beside the shared scenario. The shared folder is a sibling of the repository
// (CI clones the repository elsewhere with shared/ beside it), so paths are resolved from here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultRuleSet } from '../src/rules/ruleSet.js';
import { simulateScenario } from '../src/simulate/run.js';
import { parseScenario } from '../src/simulate/scenario.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const scenarios = resolve(repo, '../shared/domain/scenarios');
const countyFile = join(scenarios, 'county-2026.json');
const county = JSON.parse(readFileSync(countyFile, 'utf8'));
const expected = JSON.parse(readFileSync(join(scenarios, 'county-2026.expected.json'), 'utf8'));
const defaultRules = JSON.parse(readFileSync(join(repo, 'src/rules/default-ruleset.json'), 'utf8'));

let dir: string;
function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}
function editedCounty(edit: (s: any) => void) {
  const s = structuredClone(county);
  edit(s);
  return s;
}

function simulate(...args: string[]) {
  const run = spawnSync(join(repo, 'node_modules/.bin/tsx'), ['src/simulate/cli.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
function report(...args: string[]) {
  const run = simulate(...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

const sanctionsOf = (q: any) =>
  q.decisions
    .filter((d: any) => d.type === 'sanction')
    .map((d: any) => `${d.community}:${d.kind}`)
    .sort();
const rewardsOf = (r: any) => r.year.rewards.map((w: any) => ({ community: w.community, rank: w.rank, amount: w.amount, honours: w.honours }));
const overdueIds = (r: any) => r.payments.overdue.map((o: any) => o.obligation).sort();
const byRecipient = (a: any, b: any) => `${a.type}/${a.id}`.localeCompare(`${b.type}/${b.id}`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'simulate-'));
});

describe('simulate county-2026.json with the default rules', () => {
  let r: any;
  beforeAll(() => {
    r = report(countyFile);
  });

  it('ranks every quarter as expected', () => {
    expect(r.quarters.map((q: any) => q.quarter)).toEqual([1, 2, 3, 4]);
    expected.quarters.forEach((eq: any, i: number) => {
      expect(Object.fromEntries(r.quarters[i].ranking.map((x: any) => [x.community, x.rank]))).toEqual(eq.ranks);
    });
  });

  it('sanctions the last place, each decision naming its rule and reason', () => {
    expected.quarters.forEach((eq: any, i: number) => {
      expect(sanctionsOf(r.quarters[i])).toEqual(eq.sanctions.map((s: any) => `${s.community}:${s.kind}`).sort());
    });
    for (const d of r.quarters.flatMap((q: any) => q.decisions)) {
      expect(d.rule).toEqual(expect.any(String));
      expect(d.because).toEqual(expect.any(String));
    }
    expect(r.quarters[0].decisions[0].because).toBe('last of 10 offices in 2026-Q1 with 78.2 points (isLast is true)');
  });

  it('sends joint notices to the officers, the liaison leader and the liaison department', () => {
    expected.quarters.forEach((eq: any, i: number) => {
      const notices = r.quarters[i].notices.filter((n: any) => n.kind === 'joint-notice');
      expect(notices.map((n: any) => ({ about: n.about, recipients: [...n.recipients].sort(byRecipient) }))).toEqual(
        eq.jointNotices.map((n: any) => ({ about: n.about, recipients: [...n.recipients].sort(byRecipient) })),
      );
    });
  });

  it('splits the subsidy pool as expected, to the fen', () => {
    expected.quarters.forEach((eq: any, i: number) => {
      const subsidies = r.quarters[i].decisions.filter((d: any) => d.type === 'subsidy');
      expect(subsidies).toHaveLength(Object.keys(eq.subsidies).length);
      for (const d of subsidies) {
        expect(Math.abs(d.amount - eq.subsidies[d.officer])).toBeLessThanOrEqual(0.01);
        expect(d.obligation).toBe(`2026-Q${eq.quarter}/subsidy/${d.officer}`);
      }
    });
  });

  it('ranks the year and rewards the top three', () => {
    expect(Object.fromEntries(r.year.ranking.map((x: any) => [x.community, x.rank]))).toEqual(expected.year.ranks);
    expect(rewardsOf(r)).toEqual(expected.year.rewards);
    expect(r.year.rewards.map((w: any) => w.obligation)).toEqual(['2026/reward/c10', '2026/reward/c08', '2026/reward/c09']);
  });

  it('judges every leader-month and flags the months with fewer than two days', () => {
    expect(r.presence).toHaveLength(10 * 12);
    expect(r.presence.filter((p: any) => !p.compliant)).toEqual(expected.presenceViolations);
    expect(r.notices.filter((n: any) => n.kind === 'presence-violation').map((n: any) => [n.about, n.facts.month])).toEqual([
      ['L03', '2026-02'],
      ['L07', '2026-05'],
    ]);
  });

  it('prints exactly what simulateScenario returns in-process', async () => {
    const ruleSet = loadDefaultRuleSet();
    expect(await simulateScenario(parseScenario(county, countyFile, ruleSet.scoring), ruleSet)).toEqual(r);
  });

  it('lists unpaid obligations as overdue at the end of January', () => {
    expect(r.payments.asOf).toBe('2027-01-31');
    expect(overdueIds(r)).toEqual([...expected['overdueAsOf2027-01-31']].sort());
    expect(r.notices.filter((n: any) => n.kind === 'payment-overdue')).toHaveLength(expected['overdueAsOf2027-01-31'].length);
  });
});

describe('simulate options', () => {
  it('--as-of judges payments on that date, counting payments made by then', () => {
    expect(report(countyFile, '--as-of', '2026-04-30').payments.overdue).toEqual([]);
    const paid = writeJson(
      'paid.json',
      editedCounty((s) => {
        s.payments = [
          { obligation: '2026-Q1/subsidy/o01', amount: 1453.4, paidOn: '2026-04-20' },
          { obligation: '2026-Q1/subsidy/o02', amount: 1000, paidOn: '2026-04-20' },
        ];
      }),
    );
    const r = report(paid, '--as-of', '2026-06-30');
    expect(r.payments.asOf).toBe('2026-06-30');
    expect(overdueIds(r)).toHaveLength(15);
    expect(r.payments.overdue.find((o: any) => o.obligation === '2026-Q1/subsidy/o02')).toMatchObject({ amount: 1453.4, paid: 1000, due: '2026-04-30' });
  });

  it('--rules with a changed threshold rule changes the sanctions', () => {
    const rules = structuredClone(defaultRules);
    // Drop "last in the quarter before": any last place below 80 is reassigned.
    rules.rules.quarterly[1].conditions.all.splice(1, 1);
    const r = report(countyFile, '--rules', writeJson('threshold.json', rules));
    const reassigned = r.quarters.map((q: any) => sanctionsOf(q).filter((s: string) => s.endsWith('rural-reassignment')));
    expect(reassigned).toEqual([['c07:rural-reassignment'], ['c06:rural-reassignment'], ['c02:rural-reassignment'], []]);
  });

  it('--rules with rewards for the top five changes rewards and obligations', () => {
    const rules = structuredClone(defaultRules);
    rules.rules.yearEnd.push({
      name: 'year-rank-4-5',
      conditions: {
        all: [
          { fact: 'yearRank', operator: 'greaterThanInclusive', value: 4 },
          { fact: 'yearRank', operator: 'lessThanInclusive', value: 5 },
        ],
      },
      event: { type: 'reward', params: { amount: 300, honours: ['reserve-talent-pool'] } },
    });
    const r = report(countyFile, '--rules', writeJson('top5.json', rules));
    expect(rewardsOf(r).map((w: any) => `${w.community}:${w.rank}:${w.amount}`)).toEqual(['c10:1:1000', 'c08:2:800', 'c09:3:500', 'c07:4:300', 'c03:5:300']);
    expect(overdueIds(r)).toContain('2026/reward/c03');
  });

  it('carries last place over from last year through history', () => {
    const r = report(
      writeJson(
        'history.json',
        editedCounty((s) => {
          s.history = [{ year: 2025, quarter: 4, last: ['c07'] }];
        }),
      ),
    );
    expect(sanctionsOf(r.quarters[0])).toEqual(['c07:admonishment-talk', 'c07:circulated-criticism', 'c07:rural-reassignment']);
    expect(r.quarters[0].decisions.find((d: any) => d.kind === 'rural-reassignment').rule).toBe('last-twice-below-threshold');
  });

  it('scores quarters given as raw metrics and shows the breakdown', () => {
    const r = report(
      writeJson(
        'metrics.json',
        editedCounty((s) => {
          s.quarters[1] = {
            quarter: 2,
            metrics: Object.fromEntries(
              s.communities.map((c: any, i: number) => [
                c.id,
                {
                  satisfaction: 0.9 - i * 0.01,
                  familiarity: 0.8,
                  incidents: 10 + i,
                  prevention: 0.7,
                  clues: 5,
                  registration: 0.95,
                  keyPersonControl: 1,
                },
              ]),
            ),
          };
        }),
      ),
    );
    const entry = r.quarters[1].ranking.find((x: any) => x.community === 'c01');
    expect(Object.keys(entry.breakdown)).toEqual(['satisfaction', 'familiarity', 'incidents', 'prevention', 'clues', 'registration', 'keyPersonControl']);
    expect(entry.breakdown.incidents).toMatchObject({ value: 10, weight: 15 });
    // 10 ÷ 7,000 × 10,000 = 14.2857; 100 × (1 − 14.2857 ÷ 20) = 28.57; complexity 5: 100 − 71.43 ÷ 1.6 = 55.36
    expect(entry.breakdown.incidents).toMatchObject({ perResidents: 14.2857, basePoints: 28.57, complexityFactor: 1.6, points: 55.36 });
    const contributions = Object.values(entry.breakdown).reduce((sum: number, b: any) => sum + b.contribution, 0);
    expect(Math.round(contributions * 100)).toBe(Math.round(entry.score * 100));
  });
});

describe('simulate rejects malformed input with exit code 2', () => {
  const rejected = (args: string[], message: RegExp) => {
    const run = simulate(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  };
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('bad JSON', () => {
    const file = writeJson('bad.json', '{ "year": 2026, ');
    rejected([file], new RegExp(`${esc(file)}: \\$: expected valid JSON`));
  });

  it('a rate above 1, naming its path', () => {
    const file = writeJson(
      'rate.json',
      editedCounty((s) => {
        s.quarters[1] = { quarter: 2, metrics: { c01: { satisfaction: 1.3 } } };
      }),
    );
    rejected([file], new RegExp(`${esc(file)}: ${esc('$.quarters[1].metrics.c01.satisfaction')}: expected a rate between 0 and 1, got 1.3`));
  });

  it('a negative population', () => {
    const file = writeJson(
      'population.json',
      editedCounty((s) => {
        s.communities[2].population = -5;
      }),
    );
    rejected([file], new RegExp(`${esc(file)}: ${esc('$.communities[2].population')}: expected a population greater than 0, got -5`));
  });

  it('an unknown community in a quarter', () => {
    const file = writeJson(
      'unknown.json',
      editedCounty((s) => {
        s.quarters[0].scores.c99 = 80;
      }),
    );
    rejected([file], new RegExp(`${esc(file)}: ${esc('$.quarters[0].scores.c99')}: expected an id declared in \\$.communities, got "c99"`));
  });

  it('a missing field and a wrong type', () => {
    rejected(
      [
        writeJson(
          'missing.json',
          editedCounty((s) => {
            delete s.year;
          }),
        ),
      ],
      /\$\.year: missing; expected number/,
    );
    rejected(
      [
        writeJson(
          'type.json',
          editedCounty((s) => {
            s.communities[0].officers = 'o01';
          }),
        ),
      ],
      /\$\.communities\[0\]\.officers: expected array, got "o01"/,
    );
  });

  it('a malformed rule file, naming that file', () => {
    const rules = structuredClone(defaultRules);
    rules.rules.quarterly[1].conditions.all[2].fact = 'scroe';
    const file = writeJson('bad-rules.json', rules);
    rejected([countyFile, '--rules', file], new RegExp(`${esc(file)}: ${esc('$.rules.quarterly[1].conditions.all[2].fact')}: expected one of the facts`));
  });

  it('bad command lines', () => {
    rejected([], /expected one scenario file/);
    rejected([countyFile, '--as-of', '2027-02-30'], /--as-of: expected a date YYYY-MM-DD/);
    rejected([join(dir, 'nowhere.json')], /nowhere\.json: \$: expected a readable JSON file/);
  });
});

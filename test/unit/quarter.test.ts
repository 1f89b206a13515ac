import { describe, expect, it } from 'vitest';
import { carryOver } from '../../src/core/standings.js';
import type { Office, PreviousPeriod, PeriodFigures, SanctionDecision } from '../../src/core/types.js';
import { decideQuarter } from '../../src/deciding/period.js';
import { loadDefaultRuleSet, parseRuleSet, type RuleSet } from '../../src/rules/ruleSet.js';

const rules = loadDefaultRuleSet();
const offices: Office[] = [
  { id: 'a', name: 'A', population: 18000, complexity: 4, officers: ['o1', 'o2'], leader: 'L1', department: 'D1' },
  { id: 'b', name: 'B', population: 9000, complexity: 2, officers: ['o3'], leader: 'L2', department: 'D2' },
  { id: 'c', name: 'C', population: 6000, complexity: 1, officers: ['o4'], leader: 'L3', department: 'D3' },
  { id: 'd', name: 'D', population: 12000, complexity: 3, officers: ['o5', 'o6'], leader: 'L4', department: 'D4' },
];
const scores = (s: Record<string, number>): Record<string, PeriodFigures> => Object.fromEntries(Object.entries(s).map(([k, score]) => [k, { score }]));
const decide = (quarter: number, s: Record<string, number>, previous?: PreviousPeriod, ruleSet: RuleSet = rules) =>
  decideQuarter({ year: 2026, quarter, offices, figures: scores(s), ...(previous ? { previous } : {}) }, ruleSet);
const sanctions = (decisions: { type: string }[]) =>
  (decisions.filter((d) => d.type === 'sanction') as SanctionDecision[]).map((d) => `${d.community}:${d.kind}:${d.rule}`);

describe('decideQuarter with the default rules', () => {
  it('last place: circulated criticism and an admonishment talk, with a joint notice', async () => {
    const outcome = await decide(2, { a: 91, b: 85, c: 88, d: 78.2 });
    expect(outcome.period).toBe('2026-Q2');
    expect(sanctions(outcome.decisions)).toEqual(['d:circulated-criticism:last-place', 'd:admonishment-talk:last-place']);
    const sanction = outcome.decisions[0] as SanctionDecision;
    expect(sanction.officers).toEqual(['o5', 'o6']);
    expect(sanction.because).toBe('last of 4 offices in 2026-Q2 with 78.2 points (isLast is true)');
    expect(outcome.notices).toEqual([
      expect.objectContaining({
        kind: 'joint-notice',
        about: 'd',
        rule: 'last-place',
        recipients: [
          { type: 'officer', id: 'o5' },
          { type: 'officer', id: 'o6' },
          { type: 'leader', id: 'L4' },
          { type: 'department', id: 'D4' },
        ],
      }),
    ]);
  });

  it('last twice in a row below 80: rural reassignment as well', async () => {
    const outcome = await decide(3, { a: 91, b: 85, c: 88, d: 79.99 }, { last: ['d'], scores: { d: 81 } });
    expect(sanctions(outcome.decisions)).toEqual([
      'd:circulated-criticism:last-place',
      'd:admonishment-talk:last-place',
      'd:rural-reassignment:last-twice-below-threshold',
    ]);
    const reassignment = outcome.decisions.find((d) => d.type === 'sanction' && d.kind === 'rural-reassignment') as SanctionDecision;
    expect(reassignment.because).toBe('last of 4 offices in 2026-Q3 with 79.99 points (isLast is true, previousPeriodLast is true, score 79.99 < 80)');
    expect(reassignment.facts).toMatchObject({ previousPeriodScore: 81, consecutivePeriodsLast: 2 });
    expect(outcome.notices).toHaveLength(1);
  });

  it('carries last place over from the previous year Q4 into Q1', async () => {
    const outcome = await decide(1, { a: 91, b: 85, c: 88, d: 70 }, { last: ['d'] });
    expect(sanctions(outcome.decisions)).toContain('d:rural-reassignment:last-twice-below-threshold');
  });

  it('last twice but not below 80: no reassignment', async () => {
    const outcome = await decide(3, { a: 91, b: 85, c: 88, d: 80 }, { last: ['d'] });
    expect(sanctions(outcome.decisions)).toEqual(['d:circulated-criticism:last-place', 'd:admonishment-talk:last-place']);
  });

  it('below 80 but someone else was last before: no reassignment', async () => {
    const outcome = await decide(3, { a: 91, b: 85, c: 88, d: 70 }, { last: ['b'] });
    expect(sanctions(outcome.decisions)).not.toContain('d:rural-reassignment:last-twice-below-threshold');
  });

  it('sanctions every office sharing last place', async () => {
    const outcome = await decide(2, { a: 91, b: 70, c: 88, d: 70 });
    expect(sanctions(outcome.decisions)).toEqual([
      'b:circulated-criticism:last-place',
      'b:admonishment-talk:last-place',
      'd:circulated-criticism:last-place',
      'd:admonishment-talk:last-place',
    ]);
    expect(outcome.notices.map((n) => n.about)).toEqual(['b', 'd']);
  });

  it('lists offices without figures as unranked and pays subsidy only for ranked ones', async () => {
    const outcome = await decide(2, { a: 91, b: 85, c: 88 });
    expect(outcome.unranked).toEqual(['d']);
    expect(outcome.ranking.map((r) => r.community)).toEqual(['a', 'c', 'b']);
    const subsidies = outcome.decisions.filter((d) => d.type === 'subsidy');
    expect(subsidies.map((d) => d.type === 'subsidy' && d.officer)).toEqual(['o1', 'o2', 'o4', 'o3']);
    expect(outcome.obligations.reduce((s, o) => s + o.amount, 0)).toBeCloseTo(500 * 4 * 3, 1);
  });

  it('scores raw metrics and gives the per-capita incident fact', async () => {
    const figures: Record<string, PeriodFigures> = {
      ...scores({ a: 91, b: 85, c: 88 }),
      d: { metrics: { satisfaction: 0.5, incidents: 24 } },
    };
    const outcome = await decideQuarter({ year: 2026, quarter: 2, offices, figures }, rules);
    const d = outcome.ranking.find((r) => r.community === 'd')!;
    expect(d.breakdown.map((b) => b.metric)).toEqual(['satisfaction', 'incidents']);
    expect(outcome.decisions[0]).toMatchObject({ facts: { perCapitaIncidents: 20, population: 12000, complexity: 3, teamSize: 2 } });
  });

  it('rejects figures for an office it does not know', async () => {
    await expect(decide(2, { a: 91, zz: 50 })).rejects.toThrow(/zz: office: expected figures only for offices listed/);
    await expect(decide(2, { a: 101 })).rejects.toThrow(/a: score: expected a score between 0 and 100/);
  });
});

describe('decideQuarter facts for custom rules', () => {
  const withQuarterly = (quarterly: unknown[]) => parseRuleSet({ ...structuredClone(rules), rules: { quarterly, yearEnd: [] } }, 'test');
  const streakRule = withQuarterly([
    {
      name: 'third-time',
      conditions: { all: [{ fact: 'consecutivePeriodsLast', operator: 'greaterThanInclusive', value: 3 }] },
      event: { type: 'sanction', params: { kinds: ['rural-reassignment'] } },
    },
  ]);
  const droppedRule = withQuarterly([
    {
      name: 'dropped',
      conditions: { all: [{ fact: 'previousPeriodScore', operator: 'greaterThan', value: { fact: 'score' } }] },
      event: { type: 'sanction', params: { kinds: ['admonishment-talk'] } },
    },
  ]);

  it('counts a streak of last places carried in previous.consecutiveLast', async () => {
    const twice = { last: ['d'], consecutiveLast: { d: 2 } };
    expect(sanctions((await decide(3, { a: 91, b: 85, c: 88, d: 85 }, twice, streakRule)).decisions)).toEqual(['d:rural-reassignment:third-time']);
    expect(sanctions((await decide(3, { a: 91, b: 85, c: 88, d: 85 }, { last: ['d'] }, streakRule)).decisions)).toEqual([]);
  });

  it('treats an unknown previous score as null, so comparisons with it do not fire', async () => {
    expect(sanctions((await decide(3, { a: 91, b: 85, c: 88, d: 85 }, { last: [] }, droppedRule)).decisions)).toEqual([]);
    const outcome = await decide(3, { a: 91, b: 85, c: 88, d: 85 }, { last: [], scores: { d: 90 } }, droppedRule);
    expect(sanctions(outcome.decisions)).toEqual(['d:admonishment-talk:dropped']);
    expect((outcome.decisions[0] as SanctionDecision).because).toContain('previousPeriodScore 90 > 85');
  });

  it('hands the next quarter who was last, the scores and the streaks', async () => {
    const outcome = await decide(2, { a: 91, b: 70, c: 88, d: 70 }, { last: ['d'], consecutiveLast: { d: 1 } });
    expect(carryOver(outcome)).toEqual({ last: ['b', 'd'], scores: { a: 91, b: 70, c: 88, d: 70 }, consecutiveLast: { b: 1, d: 2 } });
  });
});

import { describe, expect, it } from 'vitest';
import type { Office } from '../../src/core/types.js';
import { decideYear } from '../../src/deciding/year.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';

const rules = loadDefaultRuleSet();
const office = (id: string, officers: string[] = [`${id}-o`]): Office => ({ id, name: id, population: 10000, complexity: 1, officers });
const offices = ['a', 'b', 'c', 'd', 'e'].map((id) => office(id));
const rewards = (outcome: Awaited<ReturnType<typeof decideYear>>) => outcome.rewards.map((r) => `${r.community}:${r.rank}:${r.amount}:${r.honours.join('+')}`);

describe('decideYear with the default rules', () => {
  it('ranks by the mean of the quarterly scores and rewards the top three', async () => {
    const outcome = await decideYear(
      {
        year: 2026,
        offices: [...offices, office('t', ['t1', 't2'])],
        quarterScores: { a: [90, 80, 85, 86], b: [95, 95, 90, 91], c: [70, 70, 70, 70], d: [88, 88, 88, 88], e: [60], t: [80, 86] },
      },
      rules,
    );
    expect(outcome.ranking.map((r) => [r.community, r.score, r.rank, r.quartersEvaluated])).toEqual([
      ['b', 92.75, 1, 4],
      ['d', 88, 2, 4],
      ['a', 85.25, 3, 4],
      ['t', 83, 4, 2],
      ['c', 70, 5, 4],
      ['e', 60, 6, 1],
    ]);
    expect(rewards(outcome)).toEqual(['b:1:1000:deputy-section-level-recommendation', 'd:2:800:reserve-talent-pool', 'a:3:500:reserve-talent-pool']);
    expect(outcome.rewards[0]).toMatchObject({ obligation: '2026/reward/b', rule: 'year-rank-1', officers: ['b-o'] });
    expect(outcome.rewards[0]?.because).toBe('rank 1 of 6 offices in 2026 with a year score of 92.75, the mean of 4 quarterly scores (yearRank is 1)');
    expect(outcome.obligations.map((o) => [o.id, o.amount, o.due])).toEqual([
      ['2026/reward/b', 1000, '2027-01-30'],
      ['2026/reward/d', 800, '2027-01-30'],
      ['2026/reward/a', 500, '2027-01-30'],
    ]);
  });

  it('gives each office holding a shared rank that rank’s full reward', async () => {
    const outcome = await decideYear({ year: 2026, offices, quarterScores: { a: [90], b: [90], c: [85], d: [80], e: [80] } }, rules);
    // ranks 1, 1, 3, 4, 4: nobody holds rank 2
    expect(rewards(outcome)).toEqual([
      'a:1:1000:deputy-section-level-recommendation',
      'b:1:1000:deputy-section-level-recommendation',
      'c:3:500:reserve-talent-pool',
    ]);
    expect(outcome.rewards[0]?.facts).toMatchObject({ sharesRank: true });
  });

  it('pays a team reward once to the office, naming both officers', async () => {
    const outcome = await decideYear({ year: 2026, offices: [office('t', ['t1', 't2'])], quarterScores: { t: [90] } }, rules);
    expect(outcome.obligations).toEqual([{ id: '2026/reward/t', kind: 'reward', payees: ['t1', 't2'], community: 't', amount: 1000, due: '2027-01-30' }]);
  });

  it('leaves out offices without any quarterly score and rejects impossible scores', async () => {
    const outcome = await decideYear({ year: 2026, offices, quarterScores: { a: [90], b: [] } }, rules);
    expect(outcome.ranking.map((r) => r.community)).toEqual(['a']);
    await expect(decideYear({ year: 2026, offices, quarterScores: { a: [90, -3] } }, rules)).rejects.toThrow(/quarterScores\[1\]: expected a score/);
  });
});

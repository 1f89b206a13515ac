import { describe, expect, it } from 'vitest';
import { rankCounts, rankFromBottom, rankOffices } from '../../src/core/ranking.js';

const scored = (scores: Record<string, number>) => Object.entries(scores).map(([community, score]) => ({ community, score }));
const summary = (ranked: ReturnType<typeof rankOffices>) => ranked.map((r) => `${r.community}:${r.rank}${r.isLast ? '!' : ''}`);

describe('rankOffices', () => {
  it('shares equal scores in competition ranking (1, 2, 2, 4)', () => {
    expect(summary(rankOffices(scored({ d: 70, b: 85, a: 90, c: 85 })))).toEqual(['a:1', 'b:2', 'c:2', 'd:4!']);
  });

  it('makes every office holding the lowest rank last', () => {
    expect(summary(rankOffices(scored({ a: 90, b: 70, c: 70 })))).toEqual(['a:1', 'b:2!', 'c:2!']);
  });

  it('ranks all-equal offices first and, by the letter of the rule, last', () => {
    expect(summary(rankOffices(scored({ c: 80, a: 80, b: 80 })))).toEqual(['a:1!', 'b:1!', 'c:1!']);
  });

  it('orders ties by community id whatever the input order', () => {
    const forward = rankOffices(scored({ x2: 80, x1: 80, x3: 90 }));
    const backward = rankOffices(scored({ x3: 90, x1: 80, x2: 80 }));
    expect(forward).toEqual(backward);
  });

  it('handles no offices', () => {
    expect(rankOffices([])).toEqual([]);
  });

  it('counts places from the bottom', () => {
    const ranked = rankOffices(scored({ a: 90, b: 85, c: 85, d: 70 }));
    const counts = rankCounts(ranked);
    expect(ranked.map((r) => rankFromBottom(r.rank, counts.get(r.rank)!, ranked.length))).toEqual([4, 2, 2, 1]);
  });
});

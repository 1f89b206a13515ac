import { describe, expect, it } from 'vitest';
import { createRuleRunner, MissingFactError, type RuleDocument } from '../../src/rules/engine.js';

// Small factories in the manner of json-rules-engine's own test/support/rule-factory.js.
const condition = (fact: string, operator = 'equal', value: unknown = true) => ({ fact, operator, value });
const rule = (name: string, all: object[], priority?: number): RuleDocument => ({
  name,
  conditions: { all } as RuleDocument['conditions'],
  event: { type: 'sanction', params: { kinds: ['admonishment-talk'], from: name } },
  ...(priority ? { priority } : {}),
});

describe('createRuleRunner', () => {
  it('returns plain, serialisable fired rules with each evaluated condition', async () => {
    const runner = createRuleRunner([
      rule('low', [condition('isLast'), condition('score', 'lessThan', 80)]),
      rule('never', [condition('isLast', 'equal', false)]),
    ]);
    const fired = await runner.run({ isLast: true, score: 74.3 });
    expect(fired).toEqual([
      {
        name: 'low',
        priority: 1,
        type: 'sanction',
        params: { kinds: ['admonishment-talk'], from: 'low' },
        conditions: [
          { fact: 'isLast', operator: 'equal', value: true, factResult: true, result: true },
          { fact: 'score', operator: 'lessThan', value: 80, factResult: 74.3, result: true },
        ],
      },
    ]);
    expect(JSON.parse(JSON.stringify(fired))).toEqual(fired);
  });

  it('rejects with MissingFactError naming the fact and the rule', async () => {
    const runner = createRuleRunner([rule('needs-score', [condition('score', 'lessThan', 80)])]);
    const error = await runner.run({ isLast: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingFactError);
    expect(error).toMatchObject({ name: 'MissingFactError', fact: 'score', rule: 'needs-score' });
    await expect(runner.run({ score: undefined })).rejects.toThrow('rule "needs-score" needs the fact "score", which was not given');
  });

  it('reports a missing fact even where the engine would short-circuit past it', async () => {
    const runner = createRuleRunner([
      {
        name: 'either',
        conditions: { any: [condition('isLast'), condition('rank', 'equal', 1)] },
        event: { type: 'sanction' },
      },
    ]);
    await expect(runner.run({ isLast: true })).rejects.toMatchObject({ fact: 'rank' });
  });

  it('reports a missing fact used as a comparison value', async () => {
    const runner = createRuleRunner([rule('dropped', [condition('previousPeriodScore', 'greaterThan', { fact: 'score' })])]);
    await expect(runner.run({ previousPeriodScore: 90 })).rejects.toMatchObject({ fact: 'score' });
    const [fired] = await runner.run({ previousPeriodScore: 90, score: 85 });
    expect(fired?.conditions[0]).toMatchObject({ factResult: 90, valueResult: 85, result: true });
  });

  it('lists fired rules by priority, then in document order', async () => {
    const runner = createRuleRunner([rule('b', [condition('x')]), rule('a', [condition('x')], 5), rule('c', [condition('x')])]);
    expect((await runner.run({ x: true })).map((f) => f.name)).toEqual(['a', 'b', 'c']);
  });

  it('gives the same answers to concurrent calls as to sequential ones', async () => {
    // Two priority sets: a shared Engine that finished one run would skip the second set of another.
    const runner = createRuleRunner([rule('first', [condition('x')], 2), rule('second', [condition('y')], 1)]);
    const facts = Array.from({ length: 40 }, (_, i) => ({ x: i % 2 === 0, y: i % 3 === 0 }));
    const sequential = [];
    for (const f of facts) sequential.push(await runner.run(f));
    // Staggered starts, so that runs finish while others are between priority sets.
    const staggered = facts.map(async (f, i) => {
      for (let tick = 0; tick < i; tick++) await null;
      return runner.run(f);
    });
    expect(await Promise.all(staggered)).toEqual(sequential);
  });

  it('keeps working after a rejected call', async () => {
    const runner = createRuleRunner([rule('r', [condition('x')])]);
    await expect(runner.run({})).rejects.toBeInstanceOf(MissingFactError);
    expect(await runner.run({ x: true })).toHaveLength(1);
  });
});

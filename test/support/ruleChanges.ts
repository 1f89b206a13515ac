import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';

/** The clerk's change: the top five rewarded, reassignment below 75 instead of 80. */
export function topFiveThreshold75() {
  const doc = structuredClone(loadDefaultRuleSet()) as any;
  doc.name = 'county-2026-top-five';
  doc.rules.quarterly[1].conditions.all[2].value = 75;
  doc.rules.yearEnd.push({
    name: 'year-rank-4-5',
    conditions: {
      all: [
        { fact: 'yearRank', operator: 'greaterThanInclusive', value: 4 },
        { fact: 'yearRank', operator: 'lessThanInclusive', value: 5 },
      ],
    },
    event: { type: 'reward', params: { amount: 300, honours: ['reserve-talent-pool'] } },
  });
  return doc;
}

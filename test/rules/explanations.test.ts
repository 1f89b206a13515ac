// Every decision of a full simulated year explains itself in Chinese and in English.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainDecision } from '../../src/rules/explanation.js';
import { loadDefaultRuleSet } from '../../src/rules/ruleSet.js';
import { simulateScenario } from '../../src/simulate/run.js';
import { parseScenario } from '../../src/simulate/scenario.js';

const countyFile = fileURLToPath(new URL('../../../shared/domain/scenarios/county-2026.json', import.meta.url));
const ruleSet = loadDefaultRuleSet();
const han = /[\u4e00-\u9fff]/;

describe('explanations', () => {
  it('covers every decision of the county year in both languages', async () => {
    // Last in 2025-Q4 as well, so that the year holds a reassignment too.
    const county = { ...JSON.parse(readFileSync(countyFile, 'utf8')), history: [{ year: 2025, quarter: 4, last: ['c07'] }] };
    const report = await simulateScenario(parseScenario(county, countyFile, ruleSet.scoring), ruleSet);
    const decisions = [...report.quarters.flatMap((q) => q.decisions), ...report.year.rewards];
    expect(decisions.length).toBeGreaterThan(40);
    expect(new Set(decisions.map((d) => d.type))).toEqual(new Set(['sanction', 'subsidy', 'reward']));
    for (const d of decisions) {
      expect(d.explanation.zh).toMatch(han);
      expect(d.explanation.zh).toMatch(/：/);
      expect(d.explanation.en).toMatch(/^[A-Z][^\u4e00-\u9fff]+\.$/);
    }
    const reassignment = decisions.find((d) => d.type === 'sanction' && d.kind === 'rural-reassignment')!;
    expect(reassignment.explanation.zh).toMatch(/^连续两个季度排名末位，且本季度得分[\d.]+，低于80分：调农村艰苦岗位锻炼$/);
    const first = report.year.rewards.find((r) => r.rank === 1)!;
    expect(first.explanation.zh).toBe('年度排名第1名：奖励1000元，推荐县委按副科级待遇');
    expect(first.explanation.en).toBe(
      'The year rank no. 1: a reward of 1000 yuan and a recommendation to the county committee for deputy-section-level treatment.',
    );
  });

  it('reads the report example exactly', () => {
    const sentence = explainDecision({
      type: 'sanction',
      kind: 'rural-reassignment',
      amount: null,
      facts: { consecutivePeriodsLast: 2 },
      conditions: [
        { fact: 'isLast', operator: 'equal', value: true, factResult: true, result: true },
        { fact: 'previousPeriodLast', operator: 'equal', value: true, factResult: true, result: true },
        { fact: 'score', operator: 'lessThan', value: 80, factResult: 79.5, result: true },
      ],
    });
    expect(sentence).toEqual({
      zh: '连续两个季度排名末位，且本季度得分79.5，低于80分：调农村艰苦岗位锻炼',
      en: "Last for 2 quarters in a row, and this quarter's score 79.5 is below 80: reassignment to a rural hardship post.",
    });
  });

  it('names the period of a monthly or half-year decision as the bureau would', () => {
    const streak = {
      type: 'sanction',
      kind: 'admonishment-talk',
      amount: null,
      facts: { consecutivePeriodsLast: 3 },
      conditions: [
        { fact: 'isLast', operator: 'equal', value: true, factResult: true, result: true },
        { fact: 'previousPeriodLast', operator: 'equal', value: true, factResult: true, result: true },
        { fact: 'score', operator: 'lessThan', value: 60, factResult: 55, result: true },
      ],
    } as const;
    expect(explainDecision({ ...streak, cadence: 'monthly' })).toEqual({
      zh: '连续三个月排名末位，且本月得分55，低于60分：诫勉谈话',
      en: "Last for 3 months in a row, and this month's score 55 is below 60: an admonishment talk.",
    });
    expect(explainDecision({ ...streak, cadence: 'half-year' })).toEqual({
      zh: '连续三个半年度排名末位，且本半年度得分55，低于60分：诫勉谈话',
      en: "Last for 3 half-years in a row, and this half-year's score 55 is below 60: an admonishment talk.",
    });
    expect(explainDecision({ ...streak, conditions: [streak.conditions[1]], cadence: 'monthly' }).zh).toBe('上月排名末位：诫勉谈话');
  });

  it('names the rule of a decision stored without condition results', () => {
    expect(explainDecision({ type: 'sanction', kind: 'admonishment-talk', rule: 'last-place', amount: null, facts: {}, conditions: [] })).toEqual({
      zh: '依据规则“last-place”：诫勉谈话',
      en: 'Under the rule "last-place": an admonishment talk.',
    });
  });
});

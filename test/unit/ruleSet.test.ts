import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDefaultRuleSet, loadRuleSetFile, parseRuleSet, RuleSetError } from '../../src/rules/ruleSet.js';

const defaults = loadDefaultRuleSet();
const edited = (edit: (doc: any) => void) => {
  const doc = structuredClone(defaults);
  edit(doc);
  return doc;
};
const problem = (edit: (doc: any) => void) => {
  try {
    parseRuleSet(edited(edit), 'rules.json');
  } catch (err) {
    return err as RuleSetError;
  }
  throw new Error('expected the rule set to be rejected');
};

describe('the default rule set', () => {
  it('carries the seven rates with weights summing to 100', () => {
    const metrics = Object.entries(defaults.scoring.metrics);
    expect(metrics.map(([key, m]) => `${key}:${m!.label}:${m!.weight}:${m!.source}`)).toEqual([
      'satisfaction:满意率:20:zhengong',
      'familiarity:熟识率:15:zhengong',
      'incidents:发案率:15:zhian',
      'prevention:防范率:15:zhian',
      'clues:线索提供率:10:zhian',
      'registration:实有人口登记率:15:renkou',
      'keyPersonControl:重点人口管控率:10:renkou',
    ]);
    expect(metrics.reduce((s, [, m]) => s + m!.weight, 0)).toBe(100);
    expect(defaults.scoring.metrics.incidents).toMatchObject({ kind: 'count', direction: 'lower', target: 20 });
    expect(defaults.scoring.metrics.clues).toMatchObject({ kind: 'count', direction: 'higher', target: 10 });
    expect(defaults.parameters).toEqual({
      subsidyPerOfficerPerMonth: 500,
      subsidyDueDays: 30,
      rewardDueDays: 30,
      metricsDeadlineDays: 7,
      presenceDaysPerMonth: 2,
      noticeReminderDays: 3,
      noticeEscalationDays: 7,
      visitConfirmationDays: 7,
      presenceReminderDays: [10, 20, -3],
      publicHolidays: [],
      diversionsPerMonth: 2,
      paymentReminderDaysBefore: 7,
      paymentEscalationDays: 7,
      paymentSettleAfterDays: 30,
      paymentDisputeWindowDays: 90,
      appealWindowDays: 10,
      appealDecisionDays: 15,
      appealReminderDays: 3,
    });
    expect(defaults.rules.quarterly.map((r) => r.name)).toEqual(['last-place', 'last-twice-below-threshold']);
    expect(defaults.rules.yearEnd.map((r) => [r.name, r.event.params.amount])).toEqual([
      ['year-rank-1', 1000],
      ['year-rank-2', 800],
      ['year-rank-3', 500],
    ]);
  });

  it('defaults the presence requirement when a rule file leaves it out', () => {
    expect(
      parseRuleSet(
        edited((d) => delete d.parameters.presenceDaysPerMonth),
        'x',
      ).parameters.presenceDaysPerMonth,
    ).toBe(2);
  });
});

describe('parseRuleSet errors name the source, the JSON path and the expectation', () => {
  it.each([
    [
      'a misspelt fact',
      (d: any) => {
        d.rules.quarterly[0].conditions.all[0].fact = 'isLastt';
      },
      '$.rules.quarterly[0].conditions.all[0].fact',
      /expected one of the facts score, rank, isLast.*got "isLastt"/,
    ],
    [
      'missing conditions',
      (d: any) => {
        delete d.rules.quarterly[1].conditions;
      },
      '$.rules.quarterly[1].conditions',
      /missing; expected a condition object/,
    ],
    [
      'a bare condition at the top',
      (d: any) => {
        d.rules.quarterly[0].conditions = { fact: 'isLast', operator: 'equal', value: true };
      },
      '$.rules.quarterly[0].conditions',
      /"all", "any" or "not"/,
    ],
    [
      'an unknown operator',
      (d: any) => {
        d.rules.quarterly[1].conditions.all[2].operator = 'lt';
      },
      '$.rules.quarterly[1].conditions.all[2].operator',
      /expected an operator .*got "lt"/,
    ],
    [
      'a year-end fact in a quarterly rule',
      (d: any) => {
        d.rules.quarterly[0].conditions.all[0].fact = 'yearRank';
      },
      '$.rules.quarterly[0].conditions.all[0].fact',
      /got "yearRank"/,
    ],
    [
      'an unknown sanction kind',
      (d: any) => {
        d.rules.quarterly[0].event.params.kinds = ['fine'];
      },
      '$.rules.quarterly[0].event.params.kinds[0]',
      /expected one of "circulated-criticism"/,
    ],
    [
      'a reward in a quarterly rule',
      (d: any) => {
        d.rules.quarterly[0].event.type = 'reward';
      },
      '$.rules.quarterly[0].event.type',
      /expected "sanction", got "reward"/,
    ],
    [
      'a reward without amount',
      (d: any) => {
        delete d.rules.yearEnd[2].event.params.amount;
      },
      '$.rules.yearEnd[2].event.params.amount',
      /missing; expected number/,
    ],
    [
      'a duplicate rule name',
      (d: any) => {
        d.rules.yearEnd[1].name = 'year-rank-1';
      },
      '$.rules.yearEnd[1].name',
      /unique rule name/,
    ],
    [
      'a count metric without target',
      (d: any) => {
        delete d.scoring.metrics.clues.target;
      },
      '$.scoring.metrics.clues.target',
      /missing; expected number/,
    ],
    [
      'an unknown metric kind',
      (d: any) => {
        d.scoring.metrics.clues.kind = 'ratio';
      },
      '$.scoring.metrics.clues.kind',
      /"rate" .* or "count"/,
    ],
    [
      'an unknown metric',
      (d: any) => {
        d.scoring.metrics.speed = d.scoring.metrics.clues;
      },
      '$.scoring.metrics.speed',
      /unknown key; expected one of "satisfaction"/,
    ],
    [
      'no positive weight',
      (d: any) => {
        for (const m of Object.values<any>(d.scoring.metrics)) m.weight = 0;
      },
      '$.scoring.metrics',
      /at least one metric with a positive weight/,
    ],
    [
      'a negative parameter',
      (d: any) => {
        d.parameters.subsidyDueDays = -1;
      },
      '$.parameters.subsidyDueDays',
      />=0, got -1/,
    ],
    [
      'a wrong type',
      (d: any) => {
        d.scoring.perResidents = '10000';
      },
      '$.scoring.perResidents',
      /expected number, got "10000"/,
    ],
  ])('%s', (_, edit, path, expected) => {
    const error = problem(edit);
    expect(error).toBeInstanceOf(RuleSetError);
    expect(error.source).toBe('rules.json');
    expect(error.path).toBe(path);
    expect(error.expected).toMatch(expected);
    expect(error.message).toBe(`rules.json: ${path}: ${error.expected}`);
  });

  it('reports unreadable and malformed files at $', () => {
    const file = join(tmpdir(), `rules-${process.pid}.json`);
    writeFileSync(file, '{\n  "name": "x",\n  oops\n}');
    expect(() => loadRuleSetFile(file)).toThrow(new RegExp(`${file}: \\$: expected valid JSON .*line 3 column 3`));
    expect(() => loadRuleSetFile(`${file}.missing`)).toThrow(/\$: expected a readable JSON file \(ENOENT\)/);
  });
});

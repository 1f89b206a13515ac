// Sanction kinds, honours, notice kinds and recipient types are each one list with its labels:
// the rule-set schema accepts exactly the listed words and the texts name them by their labels.
import { describe, expect, it } from 'vitest';
import {
  honourLabels,
  honours,
  labelOf,
  noticeKindLabels,
  noticeKinds,
  recipientLabels,
  recipientTypes,
  sanctionKinds,
  sanctionLabels,
  type SanctionKind,
} from '../../src/core/vocabulary.js';
import { explainDecision } from '../../src/rules/explanation.js';
import { loadDefaultRuleSet, validateRuleSet } from '../../src/rules/ruleSet.js';

const withSanction = (kind: string) => {
  const doc = structuredClone(loadDefaultRuleSet()) as any;
  doc.rules.quarterly[0].event.params.kinds = [kind];
  return validateRuleSet(doc).ok;
};

describe('vocabulary', () => {
  it('labels every word of every list, and nothing else', () => {
    for (const [list, labels] of [
      [sanctionKinds, sanctionLabels],
      [honours, honourLabels],
      [noticeKinds, noticeKindLabels],
      [recipientTypes, recipientLabels],
    ] as const) {
      expect(Object.keys(labels)).toEqual([...list]);
      for (const word of list) expect((labels as Record<string, { zh: string; en: string }>)[word]!.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  it('lets a rule impose exactly the listed sanction kinds', () => {
    for (const kind of sanctionKinds) expect(withSanction(kind)).toBe(true);
    expect(withSanction('demotion')).toBe(false);
    // @ts-expect-error a sanction kind that is not listed does not compile
    const unknown: SanctionKind = 'demotion';
    expect(sanctionKinds).not.toContain(unknown);
  });

  it('explains a sanction and an honour by their labels, and a word it does not know as itself', () => {
    const sanction = explainDecision({ type: 'sanction', kind: 'admonishment-talk', rule: 'r', facts: {}, conditions: [], amount: null });
    expect(sanction).toEqual({
      zh: `依据规则“r”：${sanctionLabels['admonishment-talk'].zh}`,
      en: `Under the rule "r": ${sanctionLabels['admonishment-talk'].en}.`,
    });
    const reward = explainDecision({ type: 'reward', kind: 'reward', rule: 'r', facts: {}, conditions: [], amount: 1000, honours: ['reserve-talent-pool'] });
    expect(reward.zh).toContain(honourLabels['reserve-talent-pool'].zh);
    expect(labelOf(sanctionLabels, 'retired-kind')).toEqual({ zh: 'retired-kind', en: 'retired-kind' });
  });
});

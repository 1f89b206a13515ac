// The default rules with 月考 and 半年考 switched on, as a bureau would write them.
import type { Db } from '../../src/db/client.js';
import { addRuleSetVersion, ensureDefaultRuleSet } from '../../src/db/ruleSets.js';
import { loadDefaultRuleSet, parseRuleSet, type RuleSet } from '../../src/rules/ruleSet.js';

const isLast = { fact: 'isLast', operator: 'equal', value: true };

/** A month's last office is circulated with a joint notice, and admonished when last two months running; a half-year's last is admonished. */
export function withMonthlyAndHalfYear(): RuleSet {
  const doc = structuredClone(loadDefaultRuleSet()) as Record<string, any>;
  doc.name = 'county-2026-monthly-and-half-year';
  doc.rules.monthly = [
    { name: 'monthly-last', conditions: { all: [isLast] }, event: { type: 'sanction', params: { kinds: ['circulated-criticism'], jointNotice: true } } },
    {
      name: 'monthly-last-twice',
      conditions: { all: [isLast, { fact: 'previousPeriodLast', operator: 'equal', value: true }] },
      event: { type: 'sanction', params: { kinds: ['admonishment-talk'] } },
    },
  ];
  doc.rules.halfYear = [{ name: 'half-year-last', conditions: { all: [isLast] }, event: { type: 'sanction', params: { kinds: ['admonishment-talk'] } } }];
  return parseRuleSet(doc, 'withMonthlyAndHalfYear');
}

/** Puts those rules in force from `effectiveFrom`, as an activation through the API would. */
export async function activateMonthlyAndHalfYear(db: Db, effectiveFrom = '2026-01-01', countyId = 'county-1') {
  await ensureDefaultRuleSet(db, countyId);
  return db.$transaction((tx) =>
    addRuleSetVersion(tx, { countyId, ruleSet: withMonthlyAndHalfYear(), effectiveFrom, reason: 'monthly and half-year evaluations', author: 'test' }),
  );
}

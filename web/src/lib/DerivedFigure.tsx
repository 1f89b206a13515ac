// Where a derived figure came from: a metric the rule set derives from the population register
// carries `derived: { numerator, denominator, counts }` in its breakdown entry, shown under the
// figure so an officer sees which records cost them points.
import { Typography } from 'antd';
import type { operations } from '../api/client';
import { useT } from '../app/i18n';

type BreakdownEntry = operations['listEvaluations']['responses'][200]['content']['application/json'][number]['breakdown'][number];
/** A breakdown entry's `derived` as the evaluations answer it (src/core/types.ts DerivedCounts). */
export type Derived = NonNullable<BreakdownEntry['derived']>;

const countLabels: Record<string, { zh: string; en: string }> = {
  present: { zh: '实有人口', en: 'present' },
  registered: { zh: '已登记', en: 'registered' },
  presentRegistered: { zh: '人在户在', en: 'registered and present' },
  temporaryRegistered: { zh: '暂住已登记', en: 'temporary, registered' },
  presentUnregistered: { zh: '人在户不在', en: 'present, not registered here' },
  temporaryUnregistered: { zh: '暂住未登记', en: 'temporary, not registered' },
  registeredAway: { zh: '户在人不在', en: 'registered but away' },
  listed: { zh: '列管', en: 'listed' },
  controlled: { zh: '管控到位', en: 'controlled' },
  helpGroupIncomplete: { zh: '帮教小组不齐全', en: 'help group incomplete' },
  talkOverdue: { zh: '谈话逾期', en: 'talk overdue' },
};

/** The derivation of a breakdown entry, when it has one. */
export function derivedOf(entry: object): Derived | undefined {
  const d = (entry as { derived?: Derived }).derived;
  return d && typeof d.numerator === 'number' && typeof d.denominator === 'number' && d.counts && typeof d.counts === 'object' ? d : undefined;
}

export function DerivedFigure({ derived }: { derived: Derived }) {
  const t = useT();
  const counts = Object.entries(derived.counts)
    .map(([key, n]) => `${countLabels[key] ? t(countLabels[key].zh, countLabels[key].en) : key} ${n}`)
    .join(t('，', ', '));
  return (
    <Typography.Text type="secondary">
      {t(`由人口登记计算：${derived.numerator}/${derived.denominator}`, `From the population register: ${derived.numerator}/${derived.denominator}`)}
      {counts && t(`（${counts}）`, ` (${counts})`)}
    </Typography.Text>
  );
}

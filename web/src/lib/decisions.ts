// The words of decisions and money as the console shows them: decision types, sanction kinds
// (from the core's vocabulary) and obligation statuses.
import { labelOf, sanctionLabels, type Label } from '../../../src/core/vocabulary';

export const decisionTypeLabels: Record<string, Label> = {
  sanction: { zh: '处分', en: 'Sanction' },
  subsidy: { zh: '考核补贴', en: 'Subsidy' },
  reward: { zh: '年度奖励', en: 'Reward' },
};

/** "处分:通报批评", "考核补贴". */
export function decisionLabel(d: { type: string; kind: string }, t: (zh: string, en: string) => string): string {
  const type = labelOf(decisionTypeLabels, d.type);
  if (d.type !== 'sanction') return t(type.zh, type.en);
  const kind = labelOf(sanctionLabels, d.kind);
  return t(`${type.zh}:${kind.zh}`, `${type.en}: ${kind.en}`);
}

export const obligationStatusLabels: Record<string, Label & { color: string }> = {
  open: { zh: '待付款', en: 'Open', color: 'processing' },
  paid: { zh: '已付款', en: 'Paid', color: 'processing' },
  disputed: { zh: '有异议', en: 'Disputed', color: 'warning' },
  settled: { zh: '已结清', en: 'Settled', color: 'success' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
  cancelled: { zh: '已取消', en: 'Cancelled', color: 'default' },
};

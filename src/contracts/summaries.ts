// The readable Chinese one-line summaries the Temporal UI shows for the follow-up workflows that
// workflows start as children and activities start by the client (cycles name theirs with cycleLabels, src/contracts/cycles.ts).

/** What each follow-up workflow does, as the bureau says it. */
const labelsZh: Record<string, string> = {
  jointNoticeAcknowledgement: '联合通知签收催办',
  noticeDelivery: '通知送达',
  paymentFollowUps: '付款核实（按周期启动）',
  paymentVerification: '付款核实',
  cyclePaymentVerification: '付款核实（整个周期）',
  presenceMonth: '驻村天数月度跟踪',
  appealPayments: '申诉后恢复付款核实',
  appealReview: '申诉复核',
  periodEvaluation: '考核周期',
  yearEndEvaluation: '年终考核',
};

/** `通知送达 · delivery/quarterly-2026-Q1-county-1/joint-notice/c07`. */
export function followUpSummary(workflowType: string, workflowId: string): string {
  return `${labelsZh[workflowType] ?? workflowType} · ${workflowId}`;
}

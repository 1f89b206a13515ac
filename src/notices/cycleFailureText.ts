// The notice that tells the bureau a cycle could not be decided, why, and what to fix.
import type { FailureExplanation } from '../contracts/failures.js';
import { cycleKindDescriptors } from '../core/cadences.js';
import { permanentFailures } from '../core/failures.js';
import type { RenderedNotice } from './render.js';
import { periodZh } from './render.js';

export interface CycleFailureFacts extends FailureExplanation {
  cycleId: string;
  kind: string;
  period: string;
}

export function cycleFailureText(f: CycleFailureFacts): RenderedNotice {
  const periodText = f.kind === 'year-end' ? cycleKindDescriptors['year-end'].zh(Number(f.period)) : periodZh(f.period);
  return {
    titleZh: `${periodText}考评未能完成`,
    bodyZh:
      `${periodText}考评（${f.cycleId}）未能完成，系统已停止重试。原因：${f.reason}。处理办法：${permanentFailures[f.type].fixZh}。` +
      `处理后请重新启动该考评（POST /api/cycles）。`,
    bodyEn: `The ${f.kind} cycle ${f.cycleId} could not be decided and is no longer retried. Reason: ${f.reason}. To fix: ${f.fix}.`,
  };
}

import { workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { quarterJustEnded, quarterPeriod } from '../core/periods.js';
import { quarterlyEvaluation } from './quarterlyEvaluation.js';
import { startCycle } from './startCycle.js';

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/**
 * Started by the quarterly Schedule. A Schedule can only pass fixed arguments and appends a
 * timestamp to the workflow id, so this launcher works out the quarter just ended from its
 * scheduled time and starts the cycle under the cycle id, where a cycle already started by
 * hand makes the start a no-op.
 */
export async function scheduledQuarterlyCycle(): Promise<{ cycleId: string; started: boolean }> {
  const info = workflowInfo();
  const firedAt = info.typedSearchAttributes.get(scheduledStartTime) ?? info.startTime;
  const { year, quarter } = quarterJustEnded(firedAt.toISOString());
  const period = quarterPeriod(year, quarter);
  const cycleId = `quarterly-${period}`;
  return startCycle(quarterlyEvaluation, cycleId, { cycleId, period });
}

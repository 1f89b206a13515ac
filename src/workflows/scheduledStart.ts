import { workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

const scheduledStartTime = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

/** When the Schedule meant this run to start (a catch-up runs late), or the start itself when started by hand. */
export function scheduledStart(): Date {
  const info = workflowInfo();
  return info.typedSearchAttributes.get(scheduledStartTime) ?? info.startTime;
}

// Follow-up planner: every joint notice a cycle published is chased by its own workflow, with
// the reminder interval and escalation time of the rule set the cycle was decided under.
import { jointNoticeAcknowledgementWorkflowType, noticeWorkflowId } from '../contracts/notices.js';
import { ruleSetVersion } from '../db/ruleSets.js';
import type { FollowUpPlanner } from './followUpPlanner.js';

export const jointNoticeChases: FollowUpPlanner = async (db, cycleId) => {
  const cycle = await db.cycle.findUnique({ where: { id: cycleId } });
  if (!cycle) return [];
  const {
    ruleSet: { parameters },
  } = await ruleSetVersion(db, cycle.ruleSetVersionId);
  const notices = await db.notice.findMany({ where: { cycleId, kind: 'joint-notice', withdrawnAt: null }, select: { id: true }, orderBy: { id: 'asc' } });
  return notices.map(({ id }) => ({
    workflowType: jointNoticeAcknowledgementWorkflowType,
    workflowId: noticeWorkflowId(id),
    args: [{ noticeId: id, remindEveryDays: parameters.noticeReminderDays, escalateAfterDays: parameters.noticeEscalationDays }],
  }));
};

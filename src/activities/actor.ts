// Who the workflows' own writes are by: `system:<workflow id>` in the county they work for,
// authenticated as 'workflow'. Every activity's audit rows take their actor from here.
import { Context } from '@temporalio/activity';
import type { AuditActor } from '../db/audit.js';

/**
 * The actor of the workflow running this activity; `workflow` names it when the activity runs
 * outside a worker (called directly in a test, say).
 */
export function systemActor(countyId: string, workflow: string): AuditActor {
  let id = workflow;
  try {
    id = Context.current().info.workflowExecution?.workflowId ?? workflow;
  } catch {
    // Not inside an activity: the caller's name for the workflow stands in.
  }
  return { id: `system:${id}`, countyId, role: null, authMethod: 'workflow', credentialId: null };
}

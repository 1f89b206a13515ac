import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { WorkflowSignals } from '../cycles/port.js';

export function createTemporalSignals(client: Client): WorkflowSignals {
  return {
    async signal(workflowId, signalName, arg) {
      try {
        await client.workflow.getHandle(workflowId).signal(signalName, arg);
        return true;
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      }
    },
  };
}

// A workflow id's runs, oldest first, followed through continue-as-new from its first run, each
// with its whole history: what the fault tests count events, signals and failures in.
import type { Client, WorkflowHandle } from '@temporalio/client';

type Event = NonNullable<Awaited<ReturnType<WorkflowHandle['fetchHistory']>>['events']>[number];

export interface Run {
  runId: string;
  events: Event[];
}

export async function runsOf(client: Client, workflowId: string): Promise<Run[]> {
  const latest = await client.workflow.getHandle(workflowId).describe();
  const runs: Run[] = [];
  for (let runId: string | undefined = latest.raw.workflowExecutionInfo!.firstRunId!; runId;) {
    const { events } = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push({ runId, events: events ?? [] });
    runId = events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return runs;
}

/** The run's events of one kind, named by their attributes (`workflowTaskFailedEventAttributes`). */
export const eventsWith = (run: Run, attributes: keyof Event & `${string}EventAttributes`) => run.events.filter((e) => e[attributes]);

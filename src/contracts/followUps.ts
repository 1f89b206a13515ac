// Work that outlives a cycle, as the activities plan it and the workflows start it.

export interface FollowUp {
  workflowType: string;
  /** Derived from the business key (e.g. the notice or obligation id), never from a run id. */
  workflowId: string;
  args: unknown[];
}

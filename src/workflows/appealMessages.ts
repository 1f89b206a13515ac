// The appeal workflow's id and signal, shared by the workflow, the API and the workflow port.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const appealWorkflowId = (appealId: number) => `appeal/${appealId}`;

/** The bureau decided the appeal; the workflow re-reads the appeal, which is the truth. */
export const appealDecidedSignal = defineSignal<[{ status: string }]>('appealDecided');
export const appealSignalNames = { appealDecided: appealDecidedSignal.name } as const;

export interface AppealReviewState {
  step: 'waiting-for-decision' | 're-deciding' | 'concluding' | 'done';
  reminders: number;
  escalated: boolean;
}
export const appealStateQuery = defineQuery<AppealReviewState>('appealState');

// Signal and query of the appeal review workflow, defined from the names in src/contracts/appeals.ts.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { appealDecidedSignalName, appealStateQueryName, type AppealDecided, type AppealReviewState } from '../contracts/appeals.js';

export const appealDecidedSignal = defineSignal<[AppealDecided]>(appealDecidedSignalName);
export const appealStateQuery = defineQuery<AppealReviewState>(appealStateQueryName);

// Signals and queries of the cycle workflows, defined from the names in src/contracts/cycles.ts.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { cycleProgressQueryName, figuresSubmittedSignalName, type CycleProgress, type FiguresSubmitted } from '../contracts/cycles.js';

export const cycleProgressQuery = defineQuery<CycleProgress>(cycleProgressQueryName);
export const figuresSubmittedSignal = defineSignal<[FiguresSubmitted]>(figuresSubmittedSignalName);

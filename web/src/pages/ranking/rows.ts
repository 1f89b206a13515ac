// The API's answers this area reads, named once.
import type { operations } from '../../api/client';

type Ok<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } } ? T : never;

export type EvaluationRow = Ok<'listEvaluations'>[number];
export type Explanation = Ok<'getDecisionExplanation'>;
